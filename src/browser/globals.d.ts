/** Replaced at build time with package.json's version. */
declare const __WEBCHAT_VERSION__: string;

import { createWebchat, type CreateWebchatOptions, type Webchat } from 'connect-webchat';
import { useEffect, useState } from 'react';

/**
 * One chat runtime for as long as the component is mounted: created in an effect, destroyed in its
 * cleanup (under StrictMode React mounts twice in development; the first runtime leaves nothing behind).
 * `undefined` until the effect has run.
 */
export function useWebchat(instance: string, options: Omit<CreateWebchatOptions, 'instance'> = {}): Webchat | undefined {
  const [webchat, setWebchat] = useState<Webchat>();
  useEffect(() => {
    const created = createWebchat({ ...options, instance });
    setWebchat(created);
    return () => {
      created.destroy();
      setWebchat(undefined);
    };
    // The options are read once per instance, like a script tag's attributes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instance]);
  return webchat;
}

/**
 * What `npm start` prints once it listens: the last thing on the terminal, so a newcomer sees where to go
 * without scrolling back through the build.
 */
export function startBanner(url: string, autopilot: boolean): string {
  const rows: Array<[string, string, string]> = [
    ['demo site', `${url}/`, 'start a chat (/checkout hides the button by the URL rules)'],
    ['signed in', `${url}/account`, 'a known customer (Dana Demo): member_chat with a verified identity token'],
    ['agent console', `${url}/agent/`, autopilot ? 'answer as the agent (the autopilot answers too)' : 'answer as the agent'],
    ['inspect', `${url}/?webchat-inspect`, 'the demo with the visualizer in a pop-up (allow pop-ups)'],
    ['visualizer', `${url}/visualizer/`, 'the statechart on its own: click transitions'],
    ['examples', `${url}/examples/`, 'React and single-page-app examples (createWebchat)'],
    ['backend', `${url}/api/chats`, 'start-chat API; /api/instances/help_faq_bot: public config'],
    ['emulator', `${url}/emulator/contacts`, 'local Amazon Connect: control API (see src/server/emulator/README.md)'],
  ];
  const width = Math.max(...rows.map(([, link]) => link.length));
  return [
    '',
    `connect-webchat is running on ${url}  (autopilot ${autopilot ? 'on' : 'off: EMULATOR_AUTOPILOT=off'})`,
    '',
    ...rows.map(([name, link, what]) => `  ${name.padEnd(15)}${link.padEnd(width + 2)}${what}`),
    '',
    'Press Ctrl-C to stop.',
  ].join('\n');
}

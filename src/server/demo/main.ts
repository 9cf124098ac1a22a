/**
 * `npm start`: the whole stack offline on one port (PORT, default 8080). EMULATOR_AUTOPILOT=off leaves the
 * contact flow and the agent to the control API and the agent console.
 */
import { startDemoServer } from './demo-server';
import { startBanner } from './start-banner';

// The AWS SDK warns on Node 20 that its releases after the first week of January 2027 need Node 22. Known and
// decided (README, "Node.js"): Node 20 stays supported until then. The SDK's own switch, unless set otherwise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const port = Number(process.env.PORT ?? 8080);
const autopilot = (process.env.EMULATOR_AUTOPILOT ?? 'on') !== 'off';

startDemoServer({ port, autopilot }).then(
  (server) => {
    console.log(startBanner(server.url, autopilot));
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      console.log('\nstopping…');
      server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(`connect-webchat demo could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

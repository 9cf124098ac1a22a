import { ChatEventLog } from './chat-event-log';
import { useWebchat } from './use-webchat';

/** The demo instance; its configuration comes from `/api/instances/help_faq_bot` on this origin. */
const INSTANCE = 'help_faq_bot';

export function App() {
  const webchat = useWebchat(INSTANCE);
  return (
    <main>
      <h1>React app</h1>
      <p>
        This app creates the chat with <code>createWebchat()</code> from <code>connect-webchat</code> and lists its
        saEvents below. The button opens the chat from the app's own UI.
      </p>
      <button type="button" onClick={() => webchat?.open()} disabled={!webchat}>
        Chat with us
      </button>
      <h2>saEvents</h2>
      {webchat && <ChatEventLog events={webchat.events} />}
    </main>
  );
}

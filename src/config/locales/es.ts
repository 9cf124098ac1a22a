import type { UiText } from '../instance-config.types';

/** Spanish (`es`): every UI string, in the informal "tú" most Spanish-language sites use. */
export const ES_UI_TEXT: UiText = {
  startChat: 'Iniciar chat',
  title: 'Chatea con nosotros',
  openChat: 'Abrir chat',
  messageLabel: 'Mensaje',
  send: 'Enviar',
  endChat: 'Finalizar chat',
  minimise: 'Minimizar',
  startNewChat: 'Iniciar un nuevo chat',
  statusConnecting: 'Conectando…',
  statusInFlow: 'Espera un momento, estamos buscando a alguien que te ayude…',
  statusQueued: 'En la cola, esperando al próximo agente…',
  statusAgent: 'Conectado con {name}',
  statusReconnecting: 'Reconectando…',
  statusEnded: 'Chat finalizado',
  agentTyping: '{name} está escribiendo…',
  startFailed: 'No pudimos iniciar el chat. Inténtalo de nuevo.',
  startRetryIn: 'El servicio de chat está ocupado. Inténtalo de nuevo en {seconds} segundos.',
  retry: 'Reintentar',
  cancel: 'Cancelar',
};

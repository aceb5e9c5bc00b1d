import { createXmlReader } from '../xml';
import { KONTOMATIK_LIST_ELEMENTS } from './kontomatik.payloads';

/** Kontomatik's command replies: `<reply>…</reply>`, its lists always arrays. */
export const readKontomatikXml = createXmlReader({ lists: KONTOMATIK_LIST_ELEMENTS });

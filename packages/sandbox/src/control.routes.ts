import express, { type Router } from 'express';
import { parseFaultSettings, type Faults } from './faults';
import type { SmsOutbox } from './sms';
import type { Stats } from './stats';

export interface ControlState {
  stats: Stats;
  faults: Faults;
  sms: SmsOutbox;
}

/** `/sandbox/*`: what tests and users use to observe and disturb the simulated providers. */
export function createControlRouter({ stats, faults, sms }: ControlState): Router {
  const router = express.Router();
  router.use(express.json());

  router.get('/stats', (_req, res) => {
    res.json({ requests: stats.list() });
  });
  router.delete('/stats', (_req, res) => {
    stats.reset();
    res.status(204).end();
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: faults.list() });
  });
  router.put('/faults', (req, res) => {
    const settings = parseFaultSettings(req.body);
    if ('error' in settings) {
      res.status(400).json(settings);
      return;
    }
    faults.set(settings);
    res.json(settings);
  });
  router.delete('/faults', (_req, res) => {
    faults.clear();
    res.status(204).end();
  });

  router.get('/sms', (_req, res) => {
    res.json(sms.list());
  });

  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  return router;
}

import { germanIban, toIban } from './iban';
import type { Random } from './random';

export interface Counterparty {
  name: string;
  iban: string;
  bic: string;
}

const GERMAN_BANKS = [
  { code: '10010010', bic: 'PBNKDEFFXXX' },
  { code: '12030000', bic: 'BYLADEM1001' },
  { code: '50010517', bic: 'INGDDEFFXXX' },
  { code: '37040044', bic: 'COBADEFFXXX' },
  { code: '70150000', bic: 'SSKMDEMMXXX' },
  { code: '10050000', bic: 'BELADEBEXXX' },
  { code: '43060967', bic: 'GENODEM1GLS' },
  { code: '11010100', bic: 'SOBKDEBBXXX' },
] as const;

const PEOPLE = [
  'Karl Brenner',
  'Lena Hoffmann',
  'Jonas Weber',
  'Mia Schulz',
  'Felix Wagner',
  'Hannah Becker',
  'Paul Fischer',
  'Emma Schäfer',
  'Lukas Koch',
  'Sophie Richter',
  'Noah Klein',
  'Marie Wolf',
];

const CLIENTS = [
  'Nordlicht Media GmbH',
  'Hafenblick Architekten PartG',
  'Brandt & Söhne KG',
  'Pixelwerk UG (haftungsbeschränkt)',
  'Alpenglühen Consulting GmbH',
  'Rheinufer Events GmbH',
];

export const CREDITORS = [
  { name: 'Telekom Deutschland GmbH', short: 'Telekom', min: 3999, max: 6999 },
  { name: 'Vattenfall Europe Sales GmbH', short: 'Vattenfall', min: 4500, max: 12000 },
  { name: 'Allianz Versicherungs-AG', short: 'Allianz', min: 2890, max: 8900 },
  { name: 'Netflix International B.V.', short: 'Netflix', min: 1399, max: 1799 },
  { name: 'Urban Sports GmbH', short: 'Urban Sports', min: 4900, max: 7900 },
  { name: 'Techniker Krankenkasse', short: 'TK', min: 19000, max: 42000 },
  { name: 'Stadtwerke München GmbH', short: 'SWM', min: 3500, max: 9900 },
] as const;

export const LANDLORDS = ['Kastanienallee Wohnbau GmbH', 'Hausverwaltung Ostermann'];

export interface CounterpartyPool {
  people: Counterparty[];
  clients: Counterparty[];
  creditors: Array<Counterparty & { short: string; reference: string; min: number; max: number }>;
  landlord: Counterparty;
  employer: Counterparty;
}

function account(random: Random, name: string): Counterparty {
  const roll = random.next();
  if (roll < 0.06) {
    return { name, iban: toIban('AT', `19043${random.digits(11)}`), bic: 'BKAUATWWXXX' };
  }
  if (roll < 0.1) {
    return { name, iban: toIban('NL', `INGB${random.digits(10)}`), bic: 'INGBNL2AXXX' };
  }
  const bank = random.pick(GERMAN_BANKS);
  return { name, iban: germanIban(bank.code, random.digits(10)), bic: bank.bic };
}

/** The people and companies one account deals with, with valid IBANs; the same for the same random. */
export function createCounterpartyPool(random: Random): CounterpartyPool {
  return {
    people: PEOPLE.map((name) => account(random, name)),
    clients: CLIENTS.map((name) => account(random, name)),
    creditors: CREDITORS.map((creditor) => ({
      ...account(random, creditor.name),
      ...creditor,
      reference: creditor.short.replace(/\W/g, '').toUpperCase(),
    })),
    landlord: account(random, random.pick(LANDLORDS)),
    employer: account(random, random.pick(CLIENTS)),
  };
}

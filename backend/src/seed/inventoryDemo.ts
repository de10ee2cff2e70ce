/** Fictional health-office stock for the demo district, with a low item and an expiring one. */
import type { Server } from '@hapi/hapi';
import type { Actor } from '../infrastructure/http/actor.js';
import type { CreateItemInput } from '../modules/inventory/index.js';
import type { StudentView } from '../modules/students/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

const ITEMS: ReadonlyArray<CreateItemInput & { dispensed?: number }> = [
  {
    name: 'Acetaminophen 160 mg/5 mL',
    category: 'MEDICATION',
    unit: 'bottle',
    reorderLevel: 2,
    initialQuantity: 6,
    lotNumber: 'AC-2291',
    expiresOn: dateIn(240),
    location: 'Locked cabinet',
    dispensed: 1,
  },
  {
    name: 'Ibuprofen 100 mg chewable',
    category: 'MEDICATION',
    unit: 'tablet',
    reorderLevel: 40,
    initialQuantity: 60,
    lotNumber: 'IB-5512',
    expiresOn: dateIn(20),
    location: 'Locked cabinet',
    dispensed: 25,
  },
  {
    name: 'Epinephrine auto-injector 0.15 mg',
    category: 'MEDICATION',
    unit: 'auto-injector',
    reorderLevel: 2,
    initialQuantity: 4,
    lotNumber: 'EP-0778',
    expiresOn: dateIn(150),
    location: 'Emergency bag',
  },
  {
    name: 'Adhesive bandages, assorted',
    category: 'FIRST_AID',
    unit: 'box',
    reorderLevel: 5,
    initialQuantity: 12,
    location: 'Shelf B',
  },
  {
    name: 'Instant cold packs',
    category: 'FIRST_AID',
    unit: 'each',
    reorderLevel: 10,
    initialQuantity: 24,
    location: 'Shelf B',
    dispensed: 6,
  },
  {
    name: 'Nitrile gloves, medium',
    category: 'SUPPLY',
    unit: 'box',
    reorderLevel: 3,
    initialQuantity: 8,
    location: 'Shelf A',
  },
  {
    name: 'Digital thermometer',
    category: 'EQUIPMENT',
    unit: 'each',
    reorderLevel: 1,
    initialQuantity: 3,
    location: 'Desk',
  },
];

export async function seedInventoryDemo(
  server: Server,
  actor: Actor,
  _students: StudentView[],
): Promise<void> {
  const { service, ledger } = server.plugins.inventory;
  for (const { dispensed, ...input } of ITEMS) {
    const item = await service.create(actor, input);
    if (dispensed) await ledger.record(actor, item.id, { type: 'DISPENSE', quantity: dispensed });
  }
}

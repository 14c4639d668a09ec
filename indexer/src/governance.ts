// Governance: the TimelockController that owns every contract. Each queued operation and its calls (target,
// value, calldata) as scheduled, and what became of it (executed or cancelled); the delay over time; who
// holds which role. The app lists pending operations on the overview and puts them in words with the
// generated ABIs (lib/governance/describeTimelockCall.ts).
import { ponder } from 'ponder:registry';
import { timelockCall, timelockDelayChange, timelockOperation, timelockRole } from 'ponder:schema';
import { zeroHash } from 'viem';

ponder.on('TimelockController:CallScheduled', async ({ event, context }) => {
  const a = event.args;
  // One event per call of a batch, all in one transaction: the first creates (or, after a cancel,
  // re-opens) the operation, later ones count their call.
  const operation = {
    status: 'pending',
    calls: Number(a.index) + 1,
    predecessor: a.predecessor,
    delay: a.delay,
    scheduledAt: event.block.timestamp,
    readyAt: event.block.timestamp + a.delay,
    scheduledBlock: event.block.number,
    scheduledTx: event.transaction.hash,
    doneAt: null,
    doneTx: null,
    updatedBlock: event.block.number,
  };
  await context.db
    .insert(timelockOperation)
    .values({ id: a.id, salt: zeroHash, ...operation })
    .onConflictDoUpdate((row) => ({
      ...operation,
      calls: row.status === 'pending' && row.scheduledTx === event.transaction.hash ? Math.max(row.calls, operation.calls) : operation.calls,
    }));
  const call = { target: a.target, value: a.value, data: a.data, executedBlock: null };
  await context.db
    .insert(timelockCall)
    .values({ opId: a.id, index: a.index, ...call })
    .onConflictDoUpdate(call);
});

// Emitted after the batch's CallScheduled events when the salt is not zero.
ponder.on('TimelockController:CallSalt', async ({ event, context }) => {
  await context.db.update(timelockOperation, { id: event.args.id }).set({ salt: event.args.salt });
});

ponder.on('TimelockController:CallExecuted', async ({ event, context }) => {
  const a = event.args;
  await context.db.update(timelockCall, { opId: a.id, index: a.index }).set({ executedBlock: event.block.number });
  await context.db
    .update(timelockOperation, { id: a.id })
    .set({ status: 'executed', doneAt: event.block.timestamp, doneTx: event.transaction.hash, updatedBlock: event.block.number });
});

ponder.on('TimelockController:Cancelled', async ({ event, context }) => {
  await context.db
    .update(timelockOperation, { id: event.args.id })
    .set({ status: 'cancelled', doneAt: event.block.timestamp, doneTx: event.transaction.hash, updatedBlock: event.block.number });
});

ponder.on('TimelockController:MinDelayChange', async ({ event, context }) => {
  await context.db.insert(timelockDelayChange).values({
    id: event.id,
    oldDelay: event.args.oldDuration,
    newDelay: event.args.newDuration,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});

ponder.on('TimelockController:RoleGranted', async ({ event, context }) => {
  const row = { granted: true, updatedBlock: event.block.number };
  await context.db
    .insert(timelockRole)
    .values({ role: event.args.role, account: event.args.account, ...row })
    .onConflictDoUpdate(row);
});

ponder.on('TimelockController:RoleRevoked', async ({ event, context }) => {
  const row = { granted: false, updatedBlock: event.block.number };
  await context.db
    .insert(timelockRole)
    .values({ role: event.args.role, account: event.args.account, ...row })
    .onConflictDoUpdate(row);
});

// Crash safety: a stream of pushes, the server SIGKILLed in the middle of it (three times),
// restarted on the same data. Every op the server acknowledged must be there exactly once,
// and sending everything again (what a phone does after a lost answer) must double nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { backend, demoSessions, hlc, pullAll, push, startServer, uuid } from './lib.mjs';

let server, worker;
before(async () => {
  server = await startServer({ demo: true });
  worker = (await demoSessions(server)).workers[0];
  worker.unitId = (await pullAll(server, worker.token)).records.find((r) => r.kind === 'member').fields.unit_id;
});
after(async () => { await server?.stop(); });

let serial = 0;
function batch(size) {
  return Array.from({ length: size }, () => ({
    op_id: uuid(), kind: 'service_request', id: uuid(), hlc: hlc(Date.now(), serial % 100000),
    set: { category: 'legal_consultation', topic: 'unpaid_wages', description: `kill-test #${++serial}`,
      owner_id: worker.user.id, unit_id: worker.unitId },
  }));
}

test(`SIGKILL in the middle of pushes loses no acknowledged op and doubles none (${backend})`, async () => {
  const sent = [];   // every batch that left the client
  const acked = [];  // ops whose results came back "applied"
  let killsDuringPush = 0;
  for (let round = 0; round < 3; round++) {
    let stop = false;
    let inFlight = false;
    const pusher = (async () => {
      while (!stop) {
        const ops = batch(4);
        sent.push(ops);
        inFlight = true;
        try {
          const r = await push(server, worker.token, ops, 'kill-test-phone');
          assert.equal(r.status, 200, r.text);
          r.body.results.forEach((res, i) => {
            assert.equal(res.status, 'applied', JSON.stringify(res));
            acked.push({ op: ops[i], seq: res.seq });
          });
        } catch (e) {
          // The connection died with the server: this batch is unacknowledged.
          if (e instanceof assert.AssertionError) throw e;
        }
        inFlight = false;
      }
    })();
    await new Promise((r) => setTimeout(r, 700 + round * 300));
    killsDuringPush += inFlight;
    await server.kill('SIGKILL');
    stop = true;
    await pusher;
    await server.start();
  }
  console.log(`# kill test: ${sent.length} batches sent, ${acked.length} ops acknowledged, ${killsDuringPush}/3 kills with a push in flight`);
  assert.ok(acked.length > 20, 'enough pushes went through to mean something');

  const mine = (await pullAll(server, worker.token)).records.filter((r) => r.fields.description?.startsWith('kill-test #'));
  const byId = new Map();
  for (const r of mine) byId.set(r.id, (byId.get(r.id) || 0) + 1);
  for (const { op, seq } of acked) {
    assert.equal(byId.get(op.id), 1, `acknowledged op ${op.set.description} is there once`);
    assert.ok(mine.find((r) => r.id === op.id).seq >= seq);
  }

  // The phone resends everything it is not sure about: acknowledged ops come back as duplicates.
  const ackedIds = new Set(acked.map((a) => a.op.op_id));
  for (const ops of sent) {
    const r = await push(server, worker.token, ops, 'kill-test-phone');
    assert.equal(r.status, 200);
    r.body.results.forEach((res, i) => {
      if (ackedIds.has(ops[i].op_id)) assert.equal(res.status, 'duplicate');
      else assert.ok(['applied', 'duplicate'].includes(res.status), JSON.stringify(res));
    });
  }
  const after = (await pullAll(server, worker.token)).records.filter((r) => r.fields.description?.startsWith('kill-test #'));
  const descriptions = after.map((r) => r.fields.description);
  assert.equal(new Set(descriptions).size, descriptions.length, 'no request twice');
  assert.equal(after.length, sent.flat().length, 'every op sent is there exactly once after the resend');
});

// Crash safety: a stream of pushes, the server SIGKILLed at a random moment and restarted on the
// same data, over and over (--trials N; 10 by default, 100 in `scripts/test --long`). Every op
// the server acknowledged must be there exactly once, a batch it did not acknowledge is there
// whole or not at all (a push is one transaction), and sending everything again (what a phone
// does after a lost answer) must double nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { backend, demoSessions, hlc, options, pullAll, push, startServer, uuid } from './lib.mjs';

const trials = Number(options.trials || process.env.NUANXIN_KILL_TRIALS || 10);
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

// A seeded generator, so a failing trial can be replayed with the same kill moments (--seed).
function random(seed) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const mineOn = async () => (await pullAll(server, worker.token)).records.filter((r) => r.fields.description?.startsWith('kill-test #'));

test(`${trials} SIGKILLs at random moments of a push stream lose no acknowledged op, half-apply no batch and double none (${backend})`, async () => {
  const seed = Number(options.seed || 20261130);
  const rand = random(seed);
  const sent = [];   // every batch that left the client
  const acked = [];  // ops whose results came back "applied"
  let killsDuringPush = 0;
  for (let trial = 0; trial < trials; trial++) {
    let stop = false;
    let inFlight = false;
    const pusher = (async () => {
      while (!stop) {
        const ops = batch(1 + Math.floor(rand() * 6));
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
    await new Promise((r) => setTimeout(r, 50 + rand() * 600));
    killsDuringPush += inFlight;
    await server.kill('SIGKILL');
    stop = true;
    await pusher;
    await server.start();
  }
  const ops = sent.flat().length;
  console.log(`# kill test (${backend}): ${trials} trials, ${sent.length} batches (${ops} ops) sent, ${acked.length} ops acknowledged, ${killsDuringPush}/${trials} kills with a push in flight, seed ${seed}`);
  assert.ok(acked.length > 5 * trials, 'enough pushes went through to mean something');

  const mine = await mineOn();
  const byId = new Map();
  for (const r of mine) byId.set(r.id, (byId.get(r.id) || 0) + 1);
  for (const { op, seq } of acked) {
    assert.equal(byId.get(op.id), 1, `acknowledged op ${op.set.description} is there once`);
    assert.ok(mine.find((r) => r.id === op.id).seq >= seq);
  }
  const ackedOps = new Set(acked.map((a) => a.op.id));
  let unansweredButStored = 0;
  for (const ops of sent) {
    const present = ops.filter((op) => byId.has(op.id)).length;
    assert.ok(present === 0 || present === ops.length, `batch ${ops[0].set.description}… is whole or absent: ${present}/${ops.length}`);
    unansweredButStored += present > 0 && !ackedOps.has(ops[0].id);
  }
  console.log(`# kill test (${backend}): ${unansweredButStored} batches were stored but their answer was lost with the server`);
  const opOf = new Map(sent.flat().map((o) => [o.id, o]));
  for (const r of mine) {
    const op = opOf.get(r.id);
    assert.deepEqual({ ...r.fields, ...op.set }, r.fields, `${op.set.description} is stored with every field it was sent with`);
  }

  // The phone resends everything it is not sure about: acknowledged ops come back as duplicates.
  const ackedIds = new Set(acked.map((a) => a.op.op_id));
  let duplicates = 0;
  for (const ops of sent) {
    const r = await push(server, worker.token, ops, 'kill-test-phone');
    assert.equal(r.status, 200);
    r.body.results.forEach((res, i) => {
      if (ackedIds.has(ops[i].op_id)) assert.equal(res.status, 'duplicate');
      else assert.ok(['applied', 'duplicate'].includes(res.status), JSON.stringify(res));
      duplicates += res.status === 'duplicate';
    });
  }
  const after = await mineOn();
  const descriptions = after.map((r) => r.fields.description);
  const doubled = descriptions.length - new Set(descriptions).size;
  const lost = ops - new Set(descriptions).size;
  console.log(`# kill test (${backend}): after resending all: ${after.length} records for ${ops} ops, lost ${lost}, doubled ${doubled}, ${duplicates} answered as duplicates`);
  assert.equal(doubled, 0, 'no request twice');
  assert.equal(lost, 0, 'every op sent is there after the resend');
});

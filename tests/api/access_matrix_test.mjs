// The authorization matrix: every role x every record kind x read / edit / create, against the
// demo district on a real server. What each kind allows is written out here once, from the
// domain (who runs a workflow, who owns a record); the server must agree cell by cell.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { backend, demoSessions, hlc, pullAll, push, startServer, uuid } from './lib.mjs';

const PUBLIC = new Set(['unit', 'station', 'provider', 'event', 'event_session', 'campaign', 'insurance_plan',
  'health_check_slot', 'volunteer_team', 'article', 'job_post']);

// Who may set fields of a stored record: 'staff' = staff of its unit or above (and admins),
// 'admin' = admins only (records changed only by their steps), 'none' = nobody (steps only).
const EDIT = {
  unit: 'staff', station: 'staff', provider: 'staff', event: 'staff', campaign: 'staff', insurance_plan: 'staff',
  health_check_slot: 'staff', volunteer_team: 'staff', volunteer_membership: 'staff', member: 'staff',
  membership_application: 'staff', skill_record: 'staff', visit: 'staff', visit_item: 'staff', follow_up: 'staff',
  insurance_enrolment: 'admin', request_message: 'admin', service_request: 'admin', health_check_booking: 'admin',
  event_session: 'none', registration: 'none', handout: 'none', article: 'staff', job_post: 'staff',
};
// Who may create one: 'staff' of the unit (and admins), or also 'owner' = the worker it is for.
const CREATE = {
  unit: 'staff', station: 'staff', provider: 'staff', event: 'staff', event_session: 'staff', campaign: 'staff',
  insurance_plan: 'staff', health_check_slot: 'staff', volunteer_team: 'staff', member: 'staff', skill_record: 'staff',
  handout: 'staff', visit: 'staff', visit_item: 'staff', follow_up: 'staff',
  membership_application: 'owner', service_request: 'owner', request_message: 'owner', insurance_enrolment: 'owner',
  health_check_booking: 'owner', registration: 'owner', volunteer_membership: 'owner', article: 'staff', job_post: 'staff',
};

let server, s, roles, tree, unitOfOwner;

const within = (unit, ancestor) => {
  for (let u = unit, steps = 0; u && steps < 100; u = tree.get(u), steps++) if (u === ancestor) return true;
  return false;
};

before(async () => {
  server = await startServer({ demo: true });
  s = await demoSessions(server);
  const all = (await pullAll(server, s.admin.token)).records;
  tree = new Map(all.filter((r) => r.kind === 'unit').map((r) => [r.id, r.fields.parent_id || '']));
  const owner = s.workers[0];
  unitOfOwner = all.find((r) => r.kind === 'member' && r.fields.owner_id === owner.user.id).fields.unit_id;
  roles = {
    owner: { ...owner, staffUnit: null },
    other_worker: { ...s.workers[1], staffUnit: null },
    unit_staff: { ...s.meituan, staffUnit: s.meituan.user.unit_id },
    district_staff: { ...s.district, staffUnit: s.district.user.unit_id },
    other_town_staff: { ...s.chengnan, staffUnit: s.chengnan.user.unit_id },
    admin: { ...s.admin, staffUnit: null, admin: true },
  };
  assert.ok(within(unitOfOwner, roles.unit_staff.staffUnit), 'the owner is a member of the 美团 union');
  assert.ok(!within(unitOfOwner, roles.other_town_staff.staffUnit), '城南 is another branch of the tree');
  for (const r of Object.values(roles)) r.visible = new Set((await pullAll(server, r.token)).records.map((x) => `${x.kind}/${x.id}`));
  // One record of each kind to probe: the owner's own where there is one, else one of the
  // owner's unit, else any.
  roles.samples = {};
  for (const kind of Object.keys(EDIT)) {
    const ofKind = all.filter((r) => r.kind === kind && !r.deleted);
    roles.samples[kind] = ofKind.find((r) => r.fields.owner_id === owner.user.id)
      ?? ofKind.find((r) => r.fields.unit_id === unitOfOwner) ?? ofKind[0];
    assert.ok(roles.samples[kind], `the demo has a ${kind}`);
  }
});
after(async () => { await server?.stop(); });

function staffOver(role, unit) { return Boolean(role.admin || (role.staffUnit && within(unit, role.staffUnit))); }

test(`authorization matrix on ${backend}: each role x each kind x read, edit, create`, async () => {
  let cells = 0;
  let denied = 0; // cells where the answer must be no
  const failures = [];
  for (const [kind, sample] of Object.entries(roles.samples)) {
    const unit = sample.fields.unit_id;
    for (const [name, role] of Object.entries(roles).filter(([n]) => n !== 'samples')) {
      const own = Boolean(sample.fields.owner_id) && sample.fields.owner_id === role.user.id;
      // read
      const mayRead = PUBLIC.has(kind) || own || staffOver(role, unit);
      const reads = role.visible.has(`${kind}/${sample.id}`);
      cells++;
      denied += !mayRead;
      if (reads !== mayRead) failures.push(`${name} ${mayRead ? 'cannot' : 'can'} read ${kind}`);

      // edit: a probe field no kind has; a permitted writer gets a validation refusal, anyone else a refusal of access
      const mayEdit = EDIT[kind] === 'staff' ? staffOver(role, unit) : EDIT[kind] === 'admin' ? !!role.admin : false;
      const edit = await push(server, role.token, [{ op_id: uuid(), kind, id: sample.id, hlc: hlc(), set: { zz_probe: 1 } }]);
      const editResult = edit.body.results[0];
      cells++;
      denied += !mayEdit;
      // A record the role may not read is "not found" to it; one it reads but may not change, "forbidden".
      const refusal = mayRead ? 'forbidden' : 'not_found';
      if (editResult.status !== 'rejected') failures.push(`${name} edit ${kind}: ${editResult.status}`);
      else if ((editResult.reason.code === refusal) === mayEdit) failures.push(`${name} edit ${kind}: ${editResult.reason.code}`);

      // create: in the owner's unit, for the owner (a worker names themselves)
      const set = { unit_id: unitOfOwner, owner_id: role.staffUnit || role.admin ? s.workers[0].user.id : role.user.id, zz_probe: 1 };
      const mayCreate = staffOver(role, unitOfOwner) || (CREATE[kind] === 'owner' && !role.staffUnit && !role.admin);
      const create = await push(server, role.token, [{ op_id: uuid(), kind, id: uuid(), hlc: hlc(), set }]);
      const createResult = create.body.results[0];
      cells++;
      denied += !mayCreate;
      if (createResult.status === 'rejected' && (createResult.reason.code === 'forbidden') === mayCreate)
        failures.push(`${name} create ${kind}: ${createResult.reason.code}`);
      if (createResult.status !== 'rejected' && !mayCreate) failures.push(`${name} created ${kind}`);
    }
  }
  console.log(`# authorization matrix (${backend}): ${Object.keys(roles.samples).length} kinds x 6 roles x 3 = ${cells} cells, ${denied} of them denied`);
  assert.deepEqual(failures, []);
  assert.equal(cells, 24 * 6 * 3);
});

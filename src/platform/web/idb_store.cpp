#include "platform/web/idb_store.h"

#include <emscripten.h>

#include <map>
#include <string_view>

#include "core/sync/record_block.h"

namespace nx::platform::idb {

namespace {
int g_next = 1;
// A store being opened: what was read so far and whom to tell.
struct Opening {
  std::function<void(int)> progress;
  std::function<void(bool, Loaded, const std::string&)> done;
  std::function<void(bool, std::vector<sync::Record>)> later;
  Loaded loaded;                        // until `done`
  std::vector<sync::Record> later_records;  // the later blocks', until `later`
  std::size_t read = 0;                 // record forms read, both parts
};
std::map<int, Opening> g_opening;
std::map<int, std::function<void(bool)>> g_written;
std::map<int, std::function<void(nlohmann::json)>> g_got;

nlohmann::json parse(const char* text) { return nlohmann::json::parse(text, nullptr, false); }

void read_progress(Opening& o, std::size_t more) {
  o.read += more;
  if (o.progress) o.progress(static_cast<int>(o.read));
}
}  // namespace

extern "C" {
// part: 0 meta, 1 outbox entries, 2 single records, 3 a block of records in an earlier
// version's JSON text (arrays of stored forms).
EMSCRIPTEN_KEEPALIVE void nx_idb_chunk(int request, int part, const char* json_text) {
  Opening& o = g_opening[request];
  Loaded& l = o.loaded;
  nlohmann::json j = parse(json_text);
  if (part == 0) {
    l.meta = j.is_discarded() ? nlohmann::json() : j;
    return;
  }
  if (!j.is_array()) return;
  if (part == 1) {
    for (auto& item : j) l.outbox.push_back(std::move(item));
    return;
  }
  // Each form becomes a record at once, so the parsed text of a whole store is never held.
  for (const auto& form : j)
    if (auto r = sync::Record::from_json(form)) l.records.push_back(std::move(r).value());
  l.entries += j.size();
  if (part == 2) {
    l.rows += j.size();
  } else {
    ++l.blocks;
    ++l.text_blocks;
  }
  read_progress(o, j.size());
}

// A block's bytes (core/sync/record_block.h). One that does not decode is left out, as a form
// this version cannot read is.
// `later`: one of the blocks read after the first part (StoreMeta::later_blocks).
EMSCRIPTEN_KEEPALIVE void nx_idb_block(int request, int later, const char* bytes, int size) {
  Opening& o = g_opening[request];
  Loaded& l = o.loaded;
  std::vector<sync::Record>& into = later ? o.later_records : l.records;
  const std::size_t before = into.size();
  if (sync::decode_block(std::string_view(bytes, static_cast<std::size_t>(size)), into) && !later) {
    l.entries += into.size() - before;
    ++l.blocks;
  }
  read_progress(o, into.size() - before);
}

// The first part is read (ok), or the store could not be opened (then nothing follows).
EMSCRIPTEN_KEEPALIVE void nx_idb_opened(int request, int ok, const char* error) {
  Opening& o = g_opening[request];
  auto cb = std::move(o.done);
  Loaded loaded = std::move(o.loaded);
  if (!ok) g_opening.erase(request);
  if (cb) cb(ok != 0, std::move(loaded), error ? error : "");
}

EMSCRIPTEN_KEEPALIVE void nx_idb_later_done(int request, int ok) {
  Opening o = std::move(g_opening[request]);
  g_opening.erase(request);
  if (o.later) o.later(ok != 0, ok ? std::move(o.later_records) : std::vector<sync::Record>{});
}

EMSCRIPTEN_KEEPALIVE void nx_idb_written(int request, int ok) {
  auto cb = std::move(g_written[request]);
  g_written.erase(request);
  if (cb) cb(ok != 0);
}

EMSCRIPTEN_KEEPALIVE void nx_idb_got(int request, const char* json_text) {
  auto cb = std::move(g_got[request]);
  g_got.erase(request);
  if (cb) cb(json_text ? parse(json_text) : nlohmann::json());
}
}

// clang-format off
EM_JS(void, nx_js_idb_open_user, (int request, const char* name_ptr), {
  var name = UTF8ToString(name_ptr);
  // Text into the heap by the browser's encoder: a block is megabytes, and copying it a
  // character at a time in script cost more than reading it from disk.
  var encoder = new TextEncoder();
  var call = function(fn, a, b, text) {
    var room = text.length * 3 + 1, p = _malloc(room);
    var n = encoder.encodeInto(text, HEAPU8.subarray(p, p + room - 1)).written;
    HEAPU8[p + n] = 0;
    fn(a, b, p);
    _free(p);
  };
  // A failure before the first part was told ends the open; one after it, the later part.
  var firstTold = false;
  var fail = function(message) {
    if (firstTold) _nx_idb_later_done(request, 0);
    else call(_nx_idb_opened, request, 0, String(message));
  };
  var open = indexedDB.open(name, 3);
  open.onupgradeneeded = function(e) {
    var db = open.result;
    // One step per version, in order: data written by any earlier version opens under the newest.
    if (e.oldVersion < 1) {
      db.createObjectStore('records', {keyPath: ['kind', 'id']});
      db.createObjectStore('outbox', {keyPath: 'order'});
      db.createObjectStore('meta');
    }
    if (e.oldVersion < 2) {
      // 2: acknowledged changes leave the outbox by op id, found through an index.
      open.transaction.objectStore('outbox').createIndex('op_id', 'op.op_id', {unique: true});
    }
    if (e.oldVersion < 3) {
      // 3: records also in blocks (one value holds many). The rows of a store from before stay
      // valid as they are (a row is newer than any block); the app folds them into blocks.
      db.createObjectStore('blocks');
    }
  };
  open.onerror = function() { fail(open.error); };
  open.onblocked = function() { fail('blocked by another tab'); };
  open.onsuccess = function() {
    var db = open.result;
    // Every open store by name: a write always lands in the store it was made for, even when
    // another person signs in on this phone before it is done.
    Module.nxUserDbs = Module.nxUserDbs || {};
    Module.nxUserDbs[name] = db;
    db.onversionchange = function() { db.close(); };
    var tx = db.transaction(['meta', 'outbox', 'blocks'], 'readonly');
    var meta = tx.objectStore('meta').get('meta');
    var outbox = tx.objectStore('outbox').getAll();
    var blockKeys = tx.objectStore('blocks').getAllKeys();
    tx.oncomplete = function() {
      call(_nx_idb_chunk, request, 0, JSON.stringify(meta.result === undefined ? null : meta.result));
      call(_nx_idb_chunk, request, 1, JSON.stringify(outbox.result || []));
      // The blocks in key order (a later block's form of a record is the newer), one read
      // each, yielding between them so the page stays responsive; then the single rows; then,
      // with the first screen up, the blocks that meta lists as read later (app/local_store.h).
      var laterKeys = {};
      ((meta.result && meta.result.later_blocks) || []).forEach(function(key) { laterKeys[key] = true; });
      var all = blockKeys.result || [];
      var first = all.filter(function(key) { return !laterKeys[key]; });
      var later = all.filter(function(key) { return laterKeys[key]; });
      // Blocks are read 16 to a transaction (one round trip to the browser's storage for
      // several megabytes) and handed to the app one a task, so the page takes input between.
      var readBlocks = function(keys, isLater, then) {
        var k = 0, values = [], v = 0;
        var hand = function() {
          if (v === values.length) { read(); return; }
          var value = values[v++];
          if (typeof value === 'string' && !isLater) {
            call(_nx_idb_chunk, request, 3, value);
          } else if (value instanceof Uint8Array) {
            var p = _malloc(value.length);
            HEAPU8.set(value, p);
            _nx_idb_block(request, isLater ? 1 : 0, p, value.length);
            _free(p);
          } else {
            fail('a block of an unknown form');  // never written as such: not read past
            return;
          }
          setTimeout(hand, 0);
        };
        var read = function() {
          if (k === keys.length) { then(); return; }
          var t = db.transaction('blocks', 'readonly'), store = t.objectStore('blocks'), gets = [];
          for (var n = 0; n < 16 && k < keys.length; n++) gets.push(store.get(keys[k++]));
          t.oncomplete = function() {
            values = gets.map(function(g) { return g.result; });
            v = 0;
            hand();
          };
          t.onerror = function() { fail(t.error); };
        };
        read();
      };
      var nextBlock = function() { readBlocks(first, false, function() { nextRows(); }); };
      var readLater = function() {
        firstTold = true;
        call(_nx_idb_opened, request, 1, "");
        // After the frame that shows the first part, so it is drawn before the rest is read.
        setTimeout(function() { readBlocks(later, true, function() { _nx_idb_later_done(request, 1); }); }, 0);
      };
      // Rows in batches, so many of them neither block the page nor need one huge string.
      var batch = 500, last = null;
      var nextRows = function() {
        var range = last === null ? null : IDBKeyRange.lowerBound(last, true);
        var t = db.transaction('records', 'readonly');
        var rowKeys = t.objectStore('records').getAllKeys(range, batch);
        var values = t.objectStore('records').getAll(range, batch);
        t.oncomplete = function() {
          if (values.result.length) call(_nx_idb_chunk, request, 2, JSON.stringify(values.result));
          if (values.result.length < batch) { readLater(); return; }
          last = rowKeys.result[rowKeys.result.length - 1];
          setTimeout(nextRows, 0);
        };
        t.onerror = function() { fail(t.error); };
      };
      nextBlock();
    };
    tx.onerror = function() { fail(tx.error); };
  };
});

EM_JS(void, nx_js_idb_write, (int request, const char* name_ptr, const char* json_ptr, const char* block_ptr, int block_size), {
  var db = (Module.nxUserDbs || {})[UTF8ToString(name_ptr)];
  if (!db) { _nx_idb_written(request, 0); return; }
  var w = JSON.parse(UTF8ToString(json_ptr));
  var tx;
  try {
    tx = db.transaction(['records', 'blocks', 'outbox', 'meta'], 'readwrite', {durability: 'strict'});
  } catch (e) {
    _nx_idb_written(request, 0);
    return;
  }
  var records = tx.objectStore('records'), blocks = tx.objectStore('blocks'), outbox = tx.objectStore('outbox');
  (w.records || []).forEach(function(r) { records.put(r); });
  if (w.block !== undefined) {
    blocks.put(HEAPU8.slice(block_ptr, block_ptr + block_size), w.block);
    // A row is newer than every block: the block's records lose theirs (none, mostly).
    records.count().onsuccess = function(ev) {
      if (ev.target.result > 0) w.block_keys.forEach(function(key) { records.delete(key); });
    };
  }
  if (w.drop_blocks_before !== undefined) blocks.delete(IDBKeyRange.upperBound(w.drop_blocks_before, true));
  (w.outbox_put || []).forEach(function(e) { outbox.put(e); });
  var byOpId = outbox.index('op_id');
  (w.outbox_delete || []).forEach(function(opId) {
    byOpId.getKey(opId).onsuccess = function(ev) { if (ev.target.result !== undefined) outbox.delete(ev.target.result); };
  });
  if (w.meta) tx.objectStore('meta').put(w.meta, 'meta');
  tx.oncomplete = function() { _nx_idb_written(request, 1); };
  tx.onerror = tx.onabort = function() { _nx_idb_written(request, 0); };
});

EM_JS(void, nx_js_idb_forget, (const char* name_ptr), {
  var name = UTF8ToString(name_ptr);
  var db = (Module.nxUserDbs || {})[name];
  if (db) { db.close(); delete Module.nxUserDbs[name]; }
  indexedDB.deleteDatabase(name);  // waits for running transactions, then removes everything
});

EM_JS(void, nx_js_kv, (int request, const char* key_ptr, const char* value_ptr), {
  var key = UTF8ToString(key_ptr), value = value_ptr ? UTF8ToString(value_ptr) : null;
  var done = function(text) {
    if (value !== null) { _nx_idb_written(request, text === null ? 0 : 1); return; }
    if (text === null) { _nx_idb_got(request, 0); return; }
    var n = lengthBytesUTF8(text) + 1, p = _malloc(n);
    stringToUTF8(text, p, n);
    _nx_idb_got(request, p);
    _free(p);
  };
  var open = indexedDB.open('nuanxin', 1);
  open.onupgradeneeded = function() { open.result.createObjectStore('kv'); };
  open.onerror = function() { done(null); };
  open.onsuccess = function() {
    var db = open.result;
    var tx = db.transaction('kv', value === null ? 'readonly' : 'readwrite', {durability: 'strict'});
    var req = value === null ? tx.objectStore('kv').get(key) : tx.objectStore('kv').put(value, key);
    tx.oncomplete = function() { db.close(); done(value === null ? (req.result === undefined ? 'null' : req.result) : ""); };
    tx.onerror = tx.onabort = function() { db.close(); done(null); };
  };
});
// clang-format on

void open_user_store(const std::string& user_id, std::function<void(int)> progress,
                     std::function<void(bool, Loaded, const std::string&)> done,
                     std::function<void(bool, std::vector<sync::Record>)> later) {
  const int request = g_next++;
  Opening& o = g_opening[request];
  o.progress = std::move(progress);
  o.done = std::move(done);
  o.later = std::move(later);
  nx_js_idb_open_user(request, ("nuanxin-user-" + user_id).c_str());
}

void write(const std::string& user_id, const nlohmann::json& store_write, const std::string& block,
           std::function<void(bool)> done) {
  const int request = g_next++;
  g_written[request] = std::move(done);
  nx_js_idb_write(request, ("nuanxin-user-" + user_id).c_str(), store_write.dump().c_str(), block.data(),
                  static_cast<int>(block.size()));
}

void forget_user_store(const std::string& user_id) { nx_js_idb_forget(("nuanxin-user-" + user_id).c_str()); }

void kv_get(const std::string& key, std::function<void(nlohmann::json)> done) {
  const int request = g_next++;
  g_got[request] = std::move(done);
  nx_js_kv(request, key.c_str(), nullptr);
}

void kv_put(const std::string& key, const nlohmann::json& value, std::function<void(bool)> done) {
  const int request = g_next++;
  g_written[request] = std::move(done);
  nx_js_kv(request, key.c_str(), value.dump().c_str());
}

}  // namespace nx::platform::idb

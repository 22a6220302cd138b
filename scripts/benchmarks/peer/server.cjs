// The sync peer the sync benchmark compares against: express-pouchdb over pouchdb-core with
// the in-memory adapter (no native build, no files), on 127.0.0.1, serving also a blank page
// with PouchDB's browser build so the browser side needs no cross-origin setup.
//   node server.cjs POUCHDB_MIN_JS   -> prints "listening PORT"
const express = require('express');
const PouchDB = require('pouchdb-core').plugin(require('pouchdb-adapter-memory'));

const pouchJs = process.argv[2];
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });
const app = express();
app.get('/bench.html', (req, res) => res.type('html').send('<!doctype html><meta charset="utf-8"><script src="/pouchdb.min.js"></script>'));
app.get('/pouchdb.min.js', (req, res) => res.sendFile(pouchJs));
app.use('/db', require('express-pouchdb')(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' }));
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));

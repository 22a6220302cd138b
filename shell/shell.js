// Page glue: hands the canvas to the app and tells the person when loading fails.
// Everything else that touches the browser lives in src/platform.
'use strict';

(function () {
  var messages = {
    webgl2: '这个浏览器无法显示暖新（需要 WebGL2）。请用手机自带浏览器或微信打开最新版本。',
    load: '加载失败，请检查网络后刷新页面。',
  };
  function showError(kind) {
    var el = document.getElementById('splash-message');
    if (el) el.textContent = messages[kind] || messages.load;
  }
  window.addEventListener('nuanxin-error', function (e) { showError(e.detail); });
  window.Module = {
    canvas: document.getElementById('canvas'),
    onAbort: function () { showError('load'); },
    printErr: function (text) { console.error(text); },
  };
})();

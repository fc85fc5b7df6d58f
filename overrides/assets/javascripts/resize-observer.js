/* gongshi: ResizeObserver for browsers without it (Safari before iOS 13.4, still on many
   elderly owners' phones). Material for MkDocs loads a polyfill from unpkg.com there;
   overrides/main.html loads this file from the site itself instead, so no browser ever
   asks another host for anything. Written for gongshi, not copied from a package.

   What Material's bundle uses (checked against its bundle): `new ResizeObserver(callback)`,
   `observe(element)`, `unobserve(element)`, `disconnect()`, and each entry's `target`; it
   reads sizes itself from offsetWidth/offsetHeight. This covers that and gives entries a
   `contentRect` too. Sizes are compared after anything that can move the layout (window
   resize, orientation change, DOM changes, transitions and animations ending, images
   loading) and once a second while anything is observed; the first observation of an
   element is always reported, as browsers do. ES5 only: it runs where ES2015 may not. */
(function () {
  "use strict";
  if (typeof window.ResizeObserver !== "undefined") return;

  var observers = [];
  var pending = false;
  var timer = null;

  function contentRect(element) {
    var style = window.getComputedStyle(element);
    var px = function (name) { return parseFloat(style[name]) || 0; };
    var width = element.clientWidth - px("paddingLeft") - px("paddingRight");
    var height = element.clientHeight - px("paddingTop") - px("paddingBottom");
    var left = px("paddingLeft"), top = px("paddingTop");
    width = Math.max(width, 0);
    height = Math.max(height, 0);
    return { x: left, y: top, top: top, left: left, width: width, height: height,
             right: left + width, bottom: top + height };
  }

  function measure(element) {
    return [element.offsetWidth, element.offsetHeight, element.clientWidth, element.clientHeight].join(",");
  }

  function check() {
    pending = false;
    var calls = [];
    for (var i = 0; i < observers.length; i++) {
      var observer = observers[i], entries = [];
      for (var j = 0; j < observer._targets.length; j++) {
        var watched = observer._targets[j];
        var now = measure(watched.element);
        if (now !== watched.size) {
          watched.size = now;
          entries.push({ target: watched.element, contentRect: contentRect(watched.element) });
        }
      }
      if (entries.length) calls.push([observer, entries]);
    }
    for (var k = 0; k < calls.length; k++) {
      try {
        calls[k][0]._callback.call(calls[k][0], calls[k][1], calls[k][0]);
      } catch (error) {
        setTimeout(function () { throw error; }, 0);   // reported, without stopping the others
      }
    }
  }

  function schedule() {
    if (pending || !observers.length) return;
    pending = true;
    (window.requestAnimationFrame || function (f) { return setTimeout(f, 16); })(check);
  }

  function watch() {
    if (timer !== null) return;
    timer = setInterval(schedule, 1000);
    ["resize", "orientationchange", "load"].forEach(function (name) { window.addEventListener(name, schedule); });
    ["transitionend", "animationend", "load"].forEach(function (name) {
      document.addEventListener(name, schedule, true);
    });
    if (window.MutationObserver) {
      watch.mutations = new MutationObserver(schedule);
      watch.mutations.observe(document.documentElement,
                              { attributes: true, childList: true, subtree: true, characterData: true });
    }
  }

  function ResizeObserver(callback) {
    if (!(this instanceof ResizeObserver)) throw new TypeError("ResizeObserver must be called with new");
    if (typeof callback !== "function") throw new TypeError("ResizeObserver needs a callback function");
    this._callback = callback;
    this._targets = [];
  }

  ResizeObserver.prototype.observe = function (element) {
    for (var i = 0; i < this._targets.length; i++) if (this._targets[i].element === element) return;
    this._targets.push({ element: element, size: null });   // null: the first check reports it
    if (observers.indexOf(this) < 0) observers.push(this);
    watch();
    schedule();
  };

  ResizeObserver.prototype.unobserve = function (element) {
    this._targets = this._targets.filter(function (watched) { return watched.element !== element; });
    if (!this._targets.length) this.disconnect();
  };

  ResizeObserver.prototype.disconnect = function () {
    this._targets = [];
    var index = observers.indexOf(this);
    if (index >= 0) observers.splice(index, 1);
  };

  window.ResizeObserver = ResizeObserver;
})();

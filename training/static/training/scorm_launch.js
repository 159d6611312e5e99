// SCORM 1.2 launch script of a training module package (after progress.js).
// Finds the LMS API in a parent or opener window and marks the module "incomplete" at once.
// The progress (progress.js) is reported as cmi.core.score.raw (0 to 100, so Moodle's default
// "highest grade" records it) and the module is "completed" at 90, the manifest's mastery
// score. The played ranges and the position are kept in cmi.suspend_data and
// cmi.core.lesson_location, so a learner who stops half-way resumes where they were, with what
// they already watched counted. Commits on pause and every 30 s of playback; session time and
// exit are recorded, and LMSFinish called exactly once.
(function () {
  "use strict";
  var SAVE_EVERY = 30000;
  var SUSPEND_DATA_MAX = 4096; // SCORM 1.2 CMIString4096

  function findAPI(start) {
    var win = start;
    for (var depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API) { return win.API; }
      } catch (crossOrigin) { /* keep looking */ }
      if (!win.parent || win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var api = findAPI(window) || (window.opener ? findAPI(window.opener) : null);
  var videos = Array.prototype.slice.call(document.querySelectorAll("video"));
  var progress = new window.ModuleProgress(videos);
  var message = document.querySelector(".progress");
  var startedAt = Date.now();
  var savedAt = 0;
  var current = 0; // the video last played
  var completed = false;
  var finished = false;

  function get(name) { return api ? String(api.LMSGetValue(name) || "") : ""; }
  function set(name, value) { if (api) { api.LMSSetValue(name, String(value)); } }

  function sessionTime() {
    // CMITimespan HHHH:MM:SS.SS, from whole hundredths so that seconds never read 60.00
    var hundredths = Math.round((Date.now() - startedAt) / 10);
    var hours = Math.min(9999, Math.floor(hundredths / 360000));
    var minutes = Math.floor(hundredths / 6000) % 60;
    var seconds = Math.floor(hundredths / 100) % 60;
    function pad(value, width) { value = String(value); while (value.length < width) { value = "0" + value; } return value; }
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(hundredths % 100, 2);
  }

  function resumeAt(location) {
    var pieces = location.split(":");
    var video = videos[parseInt(pieces[0], 10)];
    var time = parseFloat(pieces[1]);
    if (!video || !(time > 0)) { return; }
    var seek = function () { video.currentTime = Math.min(time, video.duration || time); };
    if (video.readyState >= 1) { seek(); } else { video.addEventListener("loadedmetadata", seek, { once: true }); }
    if (video.scrollIntoView) { video.scrollIntoView({ block: "center" }); }
  }

  function save() {
    if (!api) { return; }
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", progress.score());
    set("cmi.suspend_data", progress.serialize(SUSPEND_DATA_MAX));
    set("cmi.core.lesson_location", current + ":" + videos[current].currentTime.toFixed(1));
    api.LMSCommit("");
    savedAt = Date.now();
  }

  function update() {
    if (!completed && progress.complete()) {
      completed = true;
      set("cmi.core.lesson_status", "completed");
      save();
      if (message) { message.textContent = message.dataset.completeMessage; }
    } else if (Date.now() - savedAt > SAVE_EVERY) {
      save();
    }
  }

  function finish() {
    if (finished || !api) { return; }
    finished = true;
    set("cmi.core.session_time", sessionTime());
    set("cmi.core.exit", completed ? "" : "suspend");
    save();
    api.LMSFinish("");
  }

  if (api) {
    api.LMSInitialize("");
    var status = get("cmi.core.lesson_status");
    completed = status === "completed" || status === "passed";
    var data = get("cmi.suspend_data");
    if (data) {
      progress.restore(data);
      resumeAt(get("cmi.core.lesson_location"));
      if (message && !completed) { message.textContent = message.dataset.resumeMessage; }
    }
    if (!completed) {
      set("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    }
    savedAt = Date.now();
  }
  videos.forEach(function (video, index) {
    video.addEventListener("play", function () { current = index; });
    video.addEventListener("timeupdate", update);
    video.addEventListener("ended", update);
    video.addEventListener("pause", function () { if (!finished) { save(); } });
  });
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  window.campaignScorm = {
    finish: finish,
    watchedSeconds: function () { return progress.watchedSeconds(); },
    total: progress.total
  };
})();

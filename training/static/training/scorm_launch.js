// SCORM 1.2 launch script of a training module package.
// Finds the LMS API in a parent or opener window, marks the module "incomplete" at once and
// "completed" once the learner has watched 90% of the module's video time (the parts really
// played, from each video's `played` ranges: skipping ahead does not count), records the
// session time, and commits and finishes exactly once.
(function () {
  "use strict";
  var THRESHOLD = 0.9;

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
  var total = videos.reduce(function (sum, video) { return sum + parseFloat(video.dataset.duration || "0"); }, 0);
  var progress = document.querySelector(".progress");
  var startedAt = Date.now();
  var completed = false;
  var finished = false;

  function sessionTime() {
    // CMITimespan: HHHH:MM:SS.SS
    var seconds = (Date.now() - startedAt) / 1000;
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = (seconds % 60).toFixed(2);
    function pad(value, width) { value = String(value); while (value.length < width) { value = "0" + value; } return value; }
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(rest, 5);
  }

  function watchedSeconds() {
    return videos.reduce(function (sum, video) {
      for (var i = 0; i < video.played.length; i++) { sum += video.played.end(i) - video.played.start(i); }
      return sum;
    }, 0);
  }

  function checkCompletion() {
    if (completed || !total || watchedSeconds() < THRESHOLD * total) { return; }
    completed = true;
    if (api) {
      api.LMSSetValue("cmi.core.lesson_status", "completed");
      api.LMSCommit("");
    }
    if (progress) { progress.textContent = progress.dataset.completeMessage; }
  }

  function finish() {
    if (finished || !api) { return; }
    finished = true;
    api.LMSSetValue("cmi.core.session_time", sessionTime());
    api.LMSCommit("");
    api.LMSFinish("");
  }

  if (api) {
    api.LMSInitialize("");
    var status = api.LMSGetValue("cmi.core.lesson_status");
    completed = status === "completed" || status === "passed";
    if (!completed) {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    }
  }
  videos.forEach(function (video) {
    video.addEventListener("timeupdate", checkCompletion);
    video.addEventListener("ended", checkCompletion);
  });
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  window.campaignScorm = { finish: finish, watchedSeconds: watchedSeconds, total: total };
})();

// A module launched from a learning platform (LTI 1.3, after progress.js): the ranges played
// are sent to the site when the progress improves (on pause, every 30 s of playback and when
// the page is left). The site computes the grade from them, crediting no more than the time
// since the launch, and passes it to the platform.
(function () {
  "use strict";
  var SEND_EVERY = 30000;
  var status = document.querySelector(".lti-progress");
  if (!status) { return; }
  var videos = Array.prototype.slice.call(document.querySelectorAll("[data-module-video] video"));
  var progress = new window.ModuleProgress(videos);
  var sent = parseInt(status.dataset.bestScore || "0", 10);
  var sentAt = Date.now();

  function send(leaving) {
    var score = progress.score();
    sentAt = Date.now();
    if (score <= sent) { return; }
    sent = score;
    var body = JSON.stringify({ token: status.dataset.scoreToken, played: progress.serialize(4000) });
    if (leaving && navigator.sendBeacon) {
      navigator.sendBeacon(status.dataset.scoreUrl, new Blob([body], { type: "application/json" }));
    } else {
      fetch(status.dataset.scoreUrl, { method: "POST", body: body, headers: { "Content-Type": "application/json" }, keepalive: true });
    }
    if (progress.complete()) { status.textContent = status.dataset.completeMessage; }
  }

  videos.forEach(function (video) {
    video.addEventListener("pause", function () { send(false); });
    video.addEventListener("ended", function () { send(false); });
    video.addEventListener("timeupdate", function () {
      if (progress.complete() || Date.now() - sentAt > SEND_EVERY) { send(false); }
    });
  });
  window.addEventListener("pagehide", function () { send(true); });
})();

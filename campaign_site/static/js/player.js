// Progressive enhancement for the shared player: everything works without it.
(function () {
  "use strict";
  var MIRRORS = {
    youtube: function (id) { return "https://www.youtube-nocookie.com/embed/" + encodeURIComponent(id) + "?autoplay=1&rel=0"; },
    vimeo: function (id) { return "https://player.vimeo.com/video/" + encodeURIComponent(id) + "?autoplay=1&dnt=1"; }
  };

  // Reach (first-party, aggregate): a play, and plays reaching 25, 50 and 90 %, each sent once
  // per page load to the site's own endpoint. Nothing is sent when the browser asks not to be
  // tracked (Do Not Track, Global Privacy Control); without JavaScript nothing is sent at all.
  var refused = navigator.doNotTrack === "1" || window.doNotTrack === "1" || navigator.globalPrivacyControl === true;
  var MILESTONES = [[0.9, "play90"], [0.5, "play50"], [0.25, "play25"]];

  function countPlays(player, video) {
    if (refused || !navigator.sendBeacon || !player.dataset.reach) { return; }
    var sent = {};
    function send(event) {
      if (sent[event]) { return; }
      sent[event] = true;
      var data = new URLSearchParams({
        e: event, p: player.dataset.reachPage, l: player.dataset.reachLanguage, s: player.dataset.reachSource || ""
      });
      navigator.sendBeacon(player.dataset.reach, data);
    }
    video.addEventListener("play", function () { send("play"); });
    video.addEventListener("timeupdate", function () {
      if (!video.duration) { return; }
      var reached = video.currentTime / video.duration;
      MILESTONES.forEach(function (milestone) {
        if (reached >= milestone[0]) { send(milestone[1]); }
      });
    });
  }

  document.querySelectorAll("[data-player]").forEach(function (player) {
    var video = player.querySelector("video");
    if (video) { countPlays(player, video); }
    // Other versions of the same video (data saver, audio described) play in the same player.
    [["[data-data-saver]", "saverSrc"], ["[data-described]", "describedSrc"]].forEach(function (version) {
      var button = player.querySelector(version[0]);
      if (!button || !video) { return; }
      button.hidden = false;
      button.addEventListener("click", function () {
        video.src = video.dataset[version[1]];
        video.play();
        button.hidden = true;
      });
    });
    var facade = player.querySelector("[data-mirror-provider]");
    if (facade) {
      facade.addEventListener("click", function (event) {
        event.preventDefault();
        // The third-party player is requested only now, after the visitor's click.
        var frame = document.createElement("iframe");
        frame.src = MIRRORS[facade.dataset.mirrorProvider](facade.dataset.mirrorId);
        frame.title = facade.textContent.trim();
        frame.allow = "autoplay; fullscreen; picture-in-picture";
        frame.setAttribute("allowfullscreen", "");
        frame.className = "mirror-frame";
        if (video) { video.pause(); }
        facade.parentNode.replaceWith(frame);
      });
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-seek]");
    if (!link) { return; }
    // The transcript follows its own player (a module page has several).
    var player = link.closest(".transcript").previousElementSibling;
    var video = player && player.matches("[data-player]") ? player.querySelector("video, audio") : null;
    if (!video) { return; }
    event.preventDefault();
    video.currentTime = parseFloat(link.dataset.seek);
    video.play();
    video.focus();
  });

  document.querySelectorAll("[data-web-share]").forEach(function (button) {
    if (!navigator.share) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.dataset.title, url: button.dataset.url }).catch(function () {});
    });
  });

  document.querySelectorAll("[data-copy]").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
})();

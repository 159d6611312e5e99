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

  // Data saver by default: a video with renditions starts at the lowest height and steps up as
  // the measured throughput allows (hls.js, loaded from this site only once play is pressed;
  // native HLS in Safari). With Save-Data, or a 2G link, it never goes above 360p; nor above
  // what the player's size can show. Without MediaSource or hls.js, the MP4 that fits is played.
  function savingData(player) {
    var connection = navigator.connection || {};
    return player.hasAttribute("data-save-data") || connection.saveData === true ||
      /(^|-)2g$/.test(connection.effectiveType || "");
  }

  function heights(select) {
    return [].slice.call(select.options, 1).map(function (option) {
      return { height: parseInt(option.value, 10), src: option.dataset.src };
    });
  }

  function fittingMp4(player, select) {
    var ladder = heights(select);
    var most = savingData(player) ? 360 : ((navigator.connection || {}).effectiveType === "3g" ? 360 : 720);
    var fitting = ladder.filter(function (rung) { return rung.height <= most; });
    return (savingData(player) ? fitting[0] : fitting[fitting.length - 1]) || ladder[0];
  }

  function loadScript(src, done, failed) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = failed;
    document.head.appendChild(script);
  }

  function adapt(player, video) {
    var select = player.querySelector("[data-quality]");
    // an editor's own data-saver file overrides the ladder for those saving data
    if (!player.dataset.hls || !select || (savingData(player) && video.dataset.saverSrc)) { return; }
    // the sources stay for no-script; with the script, nothing loads before play
    var sources = [].slice.call(video.querySelectorAll("source"));
    sources.forEach(function (source) { source.remove(); });
    video.load();
    var hls = null;
    var started = false;
    select.closest("label").hidden = false;

    function playMp4(rung) {
      var at = video.currentTime;
      var playing = started && !video.paused;
      video.src = rung.src;
      video.dataset.height = rung.height;
      if (at) { video.currentTime = at; }
      if (playing || !started) { video.play(); }
    }

    function startHls() {
      var Hls = window.Hls;
      var saving = savingData(player);
      // the size cap would lift the Save-Data cap (both set autoLevelCapping): one or the other
      hls = new Hls({ startLevel: 0, capLevelToPlayerSize: !saving, enableWorker: false });
      if (saving) {  // after the manifest: loadSource clears the cap
        hls.on(Hls.Events.MANIFEST_PARSED, function () {
          hls.autoLevelCapping = heights(select).filter(function (rung) { return rung.height <= 360; }).length - 1;
        });
      }
      hls.on(Hls.Events.LEVEL_SWITCHED, function (_event, data) {
        var level = hls.levels[data.level];
        video.dataset.height = Math.min(level.width, level.height);  // the short side, as named
      });
      hls.on(Hls.Events.ERROR, function (_event, data) {
        if (data.fatal) { hls.destroy(); hls = null; playMp4(fittingMp4(player, select)); }
      });
      hls.loadSource(player.dataset.hls);
      hls.attachMedia(video);
      video.play();
    }

    video.addEventListener("play", function first() {
      video.removeEventListener("play", first);
      started = true;
      if (window.MediaSource && player.dataset.hlsScript) {
        if (window.Hls) { startHls(); return; }
        loadScript(player.dataset.hlsScript, function () {
          if (window.Hls && window.Hls.isSupported()) { startHls(); } else { playMp4(fittingMp4(player, select)); }
        }, function () { playMp4(fittingMp4(player, select)); });
      } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
        video.src = player.dataset.hls;
        video.play();
      } else {
        playMp4(fittingMp4(player, select));
      }
    });

    select.addEventListener("change", function () {
      var chosen = select.value;
      if (hls) {
        // -1 is hls.js's automatic choice; a height is a fixed level
        hls.currentLevel = chosen === "auto" ? -1 : hls.levels.findIndex(function (level) {
          return String(Math.min(level.width, level.height)) === chosen;
        });
        return;
      }
      var rung = chosen === "auto" ? fittingMp4(player, select) : heights(select).filter(function (r) { return String(r.height) === chosen; })[0];
      started = true;
      playMp4(rung);
    });
  }

  document.querySelectorAll("[data-player]").forEach(function (player) {
    var video = player.querySelector("video");
    if (video) { countPlays(player, video); adapt(player, video); }
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

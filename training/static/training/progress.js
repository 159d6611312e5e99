// A module's progress, shared by its SCORM package (scorm_launch.js) and its LTI launch
// (lti_launch.js): the share of the module's video time really played, from each video's
// `played` ranges (skipping ahead does not count), plus ranges played in earlier sessions.
// The score is that share from 0 to 100; 90 completes the module (the manifest's mastery score).
(function () {
  "use strict";
  var MASTERY = 90;

  function merged(ranges) {
    var sorted = ranges.slice().sort(function (a, b) { return a[0] - b[0]; });
    var out = [];
    sorted.forEach(function (range) {
      var last = out[out.length - 1];
      if (last && range[0] <= last[1]) { last[1] = Math.max(last[1], range[1]); }
      else { out.push([range[0], range[1]]); }
    });
    return out;
  }

  function ModuleProgress(videos) {
    this.videos = videos;
    this.total = videos.reduce(function (sum, video) { return sum + parseFloat(video.dataset.duration || "0"); }, 0);
    this.earlier = videos.map(function () { return []; });
  }

  ModuleProgress.prototype.playedRanges = function (index) {
    var video = this.videos[index];
    var ranges = this.earlier[index].slice();
    for (var i = 0; i < video.played.length; i++) { ranges.push([video.played.start(i), video.played.end(i)]); }
    return merged(ranges);
  };

  ModuleProgress.prototype.watchedSeconds = function () {
    var self = this;
    return this.videos.reduce(function (sum, video, index) {
      return sum + self.playedRanges(index).reduce(function (part, range) { return part + range[1] - range[0]; }, 0);
    }, 0);
  };

  ModuleProgress.prototype.score = function () {
    return this.total ? Math.min(100, Math.floor((100 * this.watchedSeconds()) / this.total)) : 0;
  };

  ModuleProgress.prototype.complete = function () {
    return this.total > 0 && this.score() >= MASTERY;
  };

  // "0:0-12.5,30-41|1:..." (video index, played ranges in seconds), at most `limit` characters
  ModuleProgress.prototype.serialize = function (limit, decimals) {
    var self = this;
    decimals = decimals === undefined ? 1 : decimals;
    var text = this.videos.map(function (video, index) {
      return index + ":" + self.playedRanges(index).map(function (range) {
        return range[0].toFixed(decimals) + "-" + range[1].toFixed(decimals);
      }).join(",");
    }).join("|");
    return text.length <= limit || decimals === 0 ? text.slice(0, limit) : this.serialize(limit, 0);
  };

  ModuleProgress.prototype.restore = function (data) {
    var self = this;
    data.split("|").forEach(function (part) {
      var pieces = part.split(":");
      var index = parseInt(pieces[0], 10);
      if (!self.earlier[index] || !pieces[1]) { return; }
      pieces[1].split(",").forEach(function (range) {
        var ends = range.split("-").map(parseFloat);
        if (ends.length === 2 && ends[0] <= ends[1]) { self.earlier[index].push(ends); }
      });
    });
  };

  window.ModuleProgress = ModuleProgress;
})();

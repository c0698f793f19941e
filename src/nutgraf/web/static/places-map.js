// Places on a world map: each figure.place-map carries its points as JSON; the outline is
// the vendored Natural Earth TopoJSON, drawn behind the points once it is loaded. The
// projection is equirectangular over the whole 960x480 box, so that a point's place can be
// read back from its coordinates.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 960;
  var HEIGHT = 480;

  function element(name, attributes, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function draw(figure) {
    var svg = figure.querySelector("svg");
    var points = JSON.parse(figure.querySelector(".place-map-data").textContent);
    var projection = d3.geoEquirectangular().fitSize([WIDTH, HEIGHT], { type: "Sphere" });
    var path = d3.geoPath(projection);
    var land = element("g", { "class": "land" }, svg);
    element("path", { "class": "sphere", d: path({ type: "Sphere" }) }, land);
    var dots = element("g", { "class": "points" }, svg);
    var most = Math.max.apply(null, points.map(function (p) { return p.articles || 1; }).concat([1]));
    points.forEach(function (point) {
      var xy = projection([point.lon, point.lat]);
      var parent = point.href ? element("a", { href: point.href }, dots) : dots;
      var radius = point.articles ? 3 + 9 * Math.sqrt(point.articles / most) : (point.focus ? 7 : 5);
      var dot = element("circle", {
        cx: xy[0].toFixed(2), cy: xy[1].toFixed(2), r: radius.toFixed(2),
        "class": "point" + (point.focus ? " focus" : ""),
        "data-name": point.name, "data-lat": point.lat, "data-lon": point.lon,
      }, parent);
      var label = point.name + (point.articles ? " (" + point.articles + " articles)" : "") +
        (point.focus ? " (focus)" : "");
      element("title", {}, dot).textContent = label;
    });
    fetch(figure.getAttribute("data-world"))
      .then(function (response) { return response.json(); })
      .then(function (world) {
        var countries = topojson.feature(world, world.objects.countries).features;
        countries.forEach(function (country) {
          element("path", { "class": "country", d: path(country) }, land);
        });
        figure.setAttribute("data-drawn", "true");
      });
  }

  document.querySelectorAll("figure.place-map").forEach(draw);
})();

// The entity page's one chart: mentions per month, from the JSON the page carries.
(function () {
  "use strict";
  var canvas = document.getElementById("timeline");
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  window.timelineChart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.months,
      datasets: [{ label: "mentions", data: data.counts, backgroundColor: "#3b6ea5" }],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
})();

// Insights charts and map. Charts are drawn from the table printed beside them (one source of truth, and the
// table stays the accessible view). The map draws the shipped province polygons coloured by the chosen metric;
// a click drills down to the province's regencies as circles sized by the metric.
(() => {
  const number = (text) => {
    const value = Number.parseFloat(String(text).replace(",", "."));
    return Number.isFinite(value) ? value : 0;
  };
  const palette = ["#2a6f97", "#d94801", "#6a994e", "#9b2226", "#7b2cbf"];

  const drawChart = (canvas) => {
    const table = document.getElementById(canvas.dataset.table);
    if (!table || typeof Chart === "undefined") return;
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    const rows = [...table.querySelectorAll("tbody tr")];
    const labels = rows.map((tr) => tr.children[0].textContent.trim());
    const line = canvas.dataset.chart === "line";
    const columns = line ? headers.slice(1) : headers.slice(1, 2);
    const datasets = columns.map((name, i) => ({
      label: name,
      data: rows.map((tr) => number(tr.children[i + 1].textContent)),
      backgroundColor: palette[i % palette.length],
      borderColor: palette[i % palette.length],
      pointRadius: 0,
    }));
    new Chart(canvas, {
      type: line ? "line" : "bar",
      data: { labels, datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        indexAxis: line || labels.length < 8 ? "x" : "y",
        plugins: { legend: { display: line } },
      },
    });
  };

  const COLOURS = ["#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704"];
  const breaks = (values) => {
    const max = Math.max(0, ...values.filter((v) => v !== null));
    return [1, 2, 3, 4].map((i) => (max * i) / 5);
  };
  const colour = (value, cuts) => {
    if (value === null || value === undefined) return "#d9d9d9";
    let i = 0;
    while (i < cuts.length && value > cuts[i]) i += 1;
    return COLOURS[i];
  };

  const drawMap = (box) => {
    if (typeof L === "undefined") return;
    const map = L.map(box, { zoomSnap: 0.25 }).setView([-2.5, 118], 4.5);
    if (box.dataset.tilesUrl) L.tileLayer(box.dataset.tilesUrl, { maxZoom: 12 }).addTo(map);
    map.attributionControl.addAttribution("Batas provinsi: Natural Earth (domain publik) · Titik: GeoNames (CC BY 4.0)");
    const select = document.getElementById(box.dataset.metricSelect);
    const tableBody = document.querySelector(`#${box.dataset.table} tbody`);
    const caption = document.querySelector(`#${box.dataset.table} caption`);
    const legend = L.control({ position: "bottomright" });
    let legendBox = null;
    legend.onAdd = () => { legendBox = L.DomUtil.create("div", "map-legend"); return legendBox; };
    legend.addTo(map);
    let provinces = null;
    let points = null;
    let current = null; // { data, kind: "provinces" | "regencies", name }

    const metric = () => select.value;
    const metricName = () => select.options[select.selectedIndex].textContent;

    const fillTable = (features, title) => {
      tableBody.replaceChildren();
      caption.textContent = `${title}: ${metricName()}`;
      [...features]
        .sort((a, b) => (b.properties[metric()] ?? -1) - (a.properties[metric()] ?? -1))
        .forEach((f) => {
          const tr = document.createElement("tr");
          const th = document.createElement("th");
          th.scope = "row";
          th.textContent = f.properties.name;
          const td = document.createElement("td");
          const value = f.properties[metric()];
          td.textContent = value === null || value === undefined ? "—" : String(value);
          tr.append(th, td);
          tableBody.append(tr);
        });
    };

    const fillLegend = (cuts, circles) => {
      const parts = [`<strong>${metricName()}</strong>`];
      if (circles) parts.push("Ukuran lingkaran sebanding dengan nilai");
      else {
        const edges = [0, ...cuts];
        edges.forEach((low, i) => {
          const high = cuts[i];
          parts.push(`<i class="c${i}"></i>${Math.round(low * 10) / 10}${high === undefined ? "+" : `–${Math.round(high * 10) / 10}`}`);
        });
        parts.push('<i class="cn"></i>tidak tersedia');
      }
      legendBox.innerHTML = parts.join("<br>");
    };

    const showProvinces = () => {
      const data = current.data;
      const cuts = breaks(data.features.map((f) => f.properties[metric()]));
      const byCode = Object.fromEntries(data.features.map((f) => [f.properties.code, f.properties]));
      const drawn = data.features.filter((f) => (f.properties.shares_geometry_with || []).every((o) => o > f.properties.code));
      if (provinces) provinces.remove();
      if (points) points.remove();
      provinces = L.geoJSON({ type: "FeatureCollection", features: drawn }, {
        style: (f) => ({ color: "#555", weight: 1, fillColor: colour(f.properties[metric()], cuts), fillOpacity: 0.8 }),
        onEachFeature: (f, layer) => {
          const group = [f.properties.code, ...(f.properties.shares_geometry_with || [])];
          const label = group.map((c) => `${byCode[c].name}: ${byCode[c][metric()] ?? "—"}`).join("<br>");
          layer.bindTooltip(label, { sticky: true });
          layer.on("click", () => { map.fitBounds(layer.getBounds()); drill(f.properties.code, f.properties.name); });
        },
      }).addTo(map);
      if (drawn.length) map.fitBounds(provinces.getBounds());
      fillLegend(cuts, false);
      fillTable(data.features, box.dataset.nationalTitle);
    };

    const showRegencies = () => {
      const data = current.data;
      const max = Math.max(1, ...data.features.map((f) => f.properties[metric()] || 0));
      if (points) points.remove();
      points = L.geoJSON(data, {
        pointToLayer: (f, latlng) => L.circleMarker(latlng, {
          radius: 4 + 20 * Math.sqrt((f.properties[metric()] || 0) / max),
          color: "#7f2704", weight: 1, fillColor: "#fd8d3c", fillOpacity: 0.7,
        }),
        onEachFeature: (f, layer) => layer.bindTooltip(`${f.properties.name}: ${f.properties[metric()] ?? "—"}`),
      }).addTo(map);
      fillLegend([], true);
      fillTable(data.features, current.name);
    };

    const redraw = () => (current.kind === "provinces" ? showProvinces() : showRegencies());

    const drill = (code, name) => {
      fetch(`${box.dataset.regenciesUrl.replace("/00/", `/${code}/`)}${window.location.search}`)
        .then((r) => (r.ok ? r.json() : { type: "FeatureCollection", features: [] }))
        .then((data) => {
          current = { data, kind: "regencies", name, parent: current };
          showRegencies();
          box.dataset.state = "regencies";
        });
    };

    select.addEventListener("change", () => current && redraw());
    const back = document.getElementById(box.dataset.backButton);
    back.addEventListener("click", () => {
      if (current && current.parent) { current = current.parent; redraw(); box.dataset.state = "provinces"; }
    });

    fetch(`${box.dataset.provincesUrl}${window.location.search}`)
      .then((r) => r.json())
      .then((data) => {
        current = { data, kind: "provinces", name: box.dataset.nationalTitle };
        showProvinces();
        box.dataset.state = "provinces";
        if (box.dataset.drill) {
          const start = data.features.find((f) => f.properties.code === box.dataset.drill);
          if (start) drill(start.properties.code, start.properties.name);
        }
      });
  };

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("canvas[data-chart]").forEach(drawChart);
    const box = document.getElementById("peta-dasbor");
    if (box) drawMap(box);
  });
})();

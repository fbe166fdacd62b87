// The start form's choices, from the engine's own enums (GET /console/vocabulary.json): body regions,
// sides, contraindications, site findings and the intensity's range.

let loaded = null;

export function vocabulary() {
  if (!loaded) {
    loaded = fetch('vocabulary.json', { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) {
        throw new Error(`the console's vocabulary did not load (HTTP ${response.status})`);
      }
      return response.json();
    });
    loaded.catch(() => { loaded = null; });
  }
  return loaded;
}

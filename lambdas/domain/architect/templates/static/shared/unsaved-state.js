let state = {{fallback}};

function save() {
  // Nothing is kept between visits: this build has no local storage.
}

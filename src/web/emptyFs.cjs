// Stand-in for Node's `fs` in the browser bundle. gray-matter requires it only for
// matter.read(path), which Balance Journal never calls; anything that does reach it fails loudly.
module.exports = new Proxy({}, {
  get(_target, name) {
    throw new Error(`fs.${String(name)} is not available in the web extension host`);
  },
});

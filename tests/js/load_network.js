// Load a GEXF or GraphML file with graphology's parsers (as sigma.js and Gephi Lite do) and
// print what they read as JSON: {order, size, nodes: {id: attributes}, edges: [[source, target, attributes]]}.
const fs = require('fs');
const Graph = require('graphology');
const [fmt, file] = process.argv.slice(2);
const parser = fmt === 'gexf' ? require('graphology-gexf') : require('graphology-graphml');
const g = parser.parse(Graph, fs.readFileSync(file, 'utf8'));
const nodes = {};
g.forEachNode((n, a) => { nodes[n] = a; });
const edges = [];
g.forEachEdge((e, a, s, t) => { edges.push([s, t, a]); });
process.stdout.write(JSON.stringify({order: g.order, size: g.size, nodes, edges}));

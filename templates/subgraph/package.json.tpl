{
  "name": "@cg/__name__",
  "private": true,
  "main": "src/server.ts",
  "dependencies": { "@cg/kit": "*" },
  "subgraph": { "port": __port__ }
}

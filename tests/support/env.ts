// Every test file gets its own database prefix, so files running in parallel never see each other's data.
process.env.MONGODB_DB_PREFIX = `t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

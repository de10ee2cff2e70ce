/** `npm run bench`: every benchmark in turn, each printing its table. */
await import('./studentProfile.bench.js');
await import('./alertDelivery.bench.js');
await import('./jobs.bench.js');
await import('./pdf.bench.js');

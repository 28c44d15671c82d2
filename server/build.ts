// `npm run build`: a production build, stamped so that `npm start` knows it is current.
import { buildProduction } from "./production-build.ts";

process.exit(await buildProduction(process.cwd()));

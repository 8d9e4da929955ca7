/**
 * Published Drain figures on the same Loghub-2k samples (from ../shared/data/README.md):
 * GA with the original truth (logparser), and GA / PA from the Loghub-2.0 paper.
 */
export const publishedDrainFigures: Readonly<Record<string, { ga: number; paperGa: number; paperPa: number }>> = {
  Apache: { ga: 1.0, paperGa: 1.0, paperPa: 0.694 },
  BGL: { ga: 0.9625, paperGa: 0.963, paperPa: 0.342 },
  HDFS: { ga: 0.9975, paperGa: 0.998, paperPa: 0.5 },
  HPC: { ga: 0.887, paperGa: 0.887, paperPa: 0.635 },
  Hadoop: { ga: 0.9475, paperGa: 0.948, paperPa: 0.269 },
  HealthApp: { ga: 0.78, paperGa: 0.78, paperPa: 0.231 },
  Linux: { ga: 0.69, paperGa: 0.69, paperPa: 0.183 },
  Mac: { ga: 0.7865, paperGa: 0.786, paperPa: 0.217 },
  OpenSSH: { ga: 0.7875, paperGa: 0.789, paperPa: 0.508 },
  OpenStack: { ga: 0.7325, paperGa: 0.733, paperPa: 0.018 },
  Proxifier: { ga: 0.5265, paperGa: 0.526, paperPa: 0.0 },
  Spark: { ga: 0.92, paperGa: 0.922, paperPa: 0.362 },
  Thunderbird: { ga: 0.955, paperGa: 0.955, paperPa: 0.046 },
  Zookeeper: { ga: 0.9665, paperGa: 0.967, paperPa: 0.497 },
};

/** The transfer benchmark's figures as a table (section 3 of the issue). Pure. */
import { median } from '../lib/stats';
import { duration, fixed, mib, type Table } from '../lib/table';
import type { TransferFigures, TransferSample } from './transfer-bench';

const MIB = 1048576;

function throughput(sample: TransferSample): number {
  return sample.bytes / MIB / (sample.transferMs / 1000);
}

function row(label: string, samples: readonly TransferSample[]): string[] {
  const peakRss = Math.max(...samples.map((s) => s.peakRssBytes));
  const before = samples.map((s) => s.rssBeforeBytes).filter((v): v is number => v !== null);
  const heaps = samples.map((s) => s.peakHeapUsedBytes).filter((v): v is number => v !== null);
  const growth = before.length > 0 ? `+${mib(Math.max(...samples.map((s) => s.peakRssBytes - (s.rssBeforeBytes ?? 0))))}` : '–';
  return [
    label,
    `${fixed(median(samples.map(throughput)), 0)} MiB/s`,
    duration(median(samples.map((s) => s.transferMs))),
    mib(peakRss),
    growth,
    heaps.length > 0 ? mib(Math.max(...heaps)) : '–',
  ];
}

/** One row per tool and direction: median throughput, worst peak memory over the rounds. */
export function transferTable(figures: TransferFigures, isQuick: boolean): Table {
  const rounds = [...figures.samples.values()].map((s) =>
    s
      .map(throughput)
      .map((v) => fixed(v, 0))
      .join(' / '),
  );
  const labels = [...figures.samples.keys()];
  return {
    title: `Transfers: ${fixed(figures.bytes / 1024 ** 3, 1)} GiB through the signed Wings URLs, on loopback`,
    columns: ['Transfer', 'Throughput (median)', 'Time', 'Peak RSS', 'RSS growth during transfer', 'Peak heap used'],
    rows: [...figures.samples.entries()].map(([label, samples]) => row(label, samples)),
    notes: [
      (isQuick ? 'QUICK MODE: one round of 256 MiB (the full run: three rounds of 1 GiB). ' : '') +
        `${figures.rounds} round(s), interleaved; each transfer in its own process. Per round (MiB/s): ${labels.map((label, i) => `${label.split(' · ')[1]?.split(' (')[0] ?? label} ${rounds[i] ?? ''}`).join('; ')}.`,
      'Pterotray = src/core/transfer in a Node child. Every tool gets a fresh signed URL fetched by the bench beforehand, and every transfer starts after `sync` (no write-back of the previous one). ' +
        "Its RSS includes the bench's TypeScript module loader (a worker thread the app does not have); the growth column is the transfer's own.",
      "curl = Debian's curl; peak RSS from GNU time (%M), as for the plain-Node reference (http.request piped to fs.createWriteStream with Node's default 16 KiB write buffer: the plainest Node client). " +
        'The sim generates the download on the fly and spills uploads to a temp file.',
      `Sim host (panel + Wings) peak RSS over the section: ${mib(figures.simHostPeakRssBytes)}.`,
    ],
  };
}

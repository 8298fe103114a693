/**
 * The State Council's annual holiday notices (国务院办公厅关于<year>年部分节假日安排的通知): the days off
 * (放假调休) and the weekend days worked instead (调休上班) of each year. A working day (工作日) is a
 * make-up working day, or a Monday to Friday that is not a day off.
 *
 * Checked on 2026-12-02 against published copies of each notice (新华社, 人民日报, 中国政府网 reposts,
 * 维基文库): every date of 2020–2026 below was confirmed. Not confirmed: the document number of the
 * 2026 notice (only its date, 2025-11-04, was found). No 2027 notice had been found on that day:
 * add it here as soon as it is published, or deadlines that reach 2027 are refused; until a release
 * carries it, an office supplies it in the file LIANFANG_HOLIDAY_NOTICES names (kernel/calendar.ts).
 */
export interface HolidayNotice {
  year: number;
  document: string;
  issuedOn: string;
  /** Days off, each a range of YYYY-MM-DD inclusive. */
  daysOff: readonly (readonly [string, string])[];
  /** Weekend days that are working days (调休上班). */
  makeUpWorkingDays: readonly string[];
  note?: string;
}

export const holidayNotices: readonly HolidayNotice[] = [
  {
    year: 2020,
    document: "国办发明电〔2019〕16号",
    issuedOn: "2019-11-21",
    daysOff: [
      ["2020-01-01", "2020-01-01"],
      ["2020-01-24", "2020-02-02"],
      ["2020-04-04", "2020-04-06"],
      ["2020-05-01", "2020-05-05"],
      ["2020-06-25", "2020-06-27"],
      ["2020-10-01", "2020-10-08"],
    ],
    makeUpWorkingDays: ["2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10"],
    note: "春节 extended to 2020-02-02 by 国办发明电〔2020〕1号 (2020-01-26), which cancelled the 2020-02-01 make-up working day",
  },
  {
    year: 2021,
    document: "国办发明电〔2020〕27号",
    issuedOn: "2020-11-25",
    daysOff: [
      ["2021-01-01", "2021-01-03"],
      ["2021-02-11", "2021-02-17"],
      ["2021-04-03", "2021-04-05"],
      ["2021-05-01", "2021-05-05"],
      ["2021-06-12", "2021-06-14"],
      ["2021-09-19", "2021-09-21"],
      ["2021-10-01", "2021-10-07"],
    ],
    makeUpWorkingDays: ["2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26", "2021-10-09"],
  },
  {
    year: 2022,
    document: "国办发明电〔2021〕11号",
    issuedOn: "2021-10-25",
    daysOff: [
      ["2022-01-01", "2022-01-03"],
      ["2022-01-31", "2022-02-06"],
      ["2022-04-03", "2022-04-05"],
      ["2022-04-30", "2022-05-04"],
      ["2022-06-03", "2022-06-05"],
      ["2022-09-10", "2022-09-12"],
      ["2022-10-01", "2022-10-07"],
    ],
    makeUpWorkingDays: ["2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07", "2022-10-08", "2022-10-09"],
  },
  {
    year: 2023,
    document: "国办发明电〔2022〕16号",
    issuedOn: "2022-12-08",
    daysOff: [
      // 元旦 begins on the last Saturday of 2022, as the notice says.
      ["2022-12-31", "2023-01-02"],
      ["2023-01-21", "2023-01-27"],
      ["2023-04-05", "2023-04-05"],
      ["2023-04-29", "2023-05-03"],
      ["2023-06-22", "2023-06-24"],
      ["2023-09-29", "2023-10-06"],
    ],
    makeUpWorkingDays: ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
  },
  {
    year: 2024,
    document: "国办发明电〔2023〕7号",
    issuedOn: "2023-10-25",
    daysOff: [
      ["2024-01-01", "2024-01-01"],
      ["2024-02-10", "2024-02-17"],
      ["2024-04-04", "2024-04-06"],
      ["2024-05-01", "2024-05-05"],
      ["2024-06-10", "2024-06-10"],
      ["2024-09-15", "2024-09-17"],
      ["2024-10-01", "2024-10-07"],
    ],
    makeUpWorkingDays: ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"],
  },
  {
    year: 2025,
    document: "国办发明电〔2024〕12号",
    issuedOn: "2024-11-12",
    daysOff: [
      ["2025-01-01", "2025-01-01"],
      ["2025-01-28", "2025-02-04"],
      ["2025-04-04", "2025-04-06"],
      ["2025-05-01", "2025-05-05"],
      ["2025-05-31", "2025-06-02"],
      ["2025-10-01", "2025-10-08"],
    ],
    makeUpWorkingDays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  {
    year: 2026,
    document: "国务院办公厅关于2026年部分节假日安排的通知 (document number not confirmed)",
    issuedOn: "2025-11-04",
    daysOff: [
      ["2026-01-01", "2026-01-03"],
      ["2026-02-15", "2026-02-23"],
      ["2026-04-04", "2026-04-06"],
      ["2026-05-01", "2026-05-05"],
      ["2026-06-19", "2026-06-21"],
      ["2026-09-25", "2026-09-27"],
      ["2026-10-01", "2026-10-07"],
    ],
    makeUpWorkingDays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
];

-- AlterTable
ALTER TABLE "UnitRollup" ADD COLUMN     "lastReportDate" DATE;

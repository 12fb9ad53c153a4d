-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "logGroups" JSONB,
ADD COLUMN     "traceReport" JSONB;

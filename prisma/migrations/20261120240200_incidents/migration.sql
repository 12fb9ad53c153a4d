-- AlterTable
ALTER TABLE "Upload" ADD COLUMN     "incidentPinnedAt" TIMESTAMP(3),
ADD COLUMN     "runId" TEXT,
ADD COLUMN     "steps" JSONB;

-- CreateIndex
CREATE INDEX "Incident_mergedIntoId_idx" ON "Incident"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "IncidentSearchDoc" (
    "incidentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceVersion" TEXT NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentSearchDoc_pkey" PRIMARY KEY ("incidentId")
);

-- CreateIndex
CREATE INDEX "IncidentSearchDoc_text_trgm_idx" ON "IncidentSearchDoc" USING GIN ("text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "IncidentSearchDoc" ADD CONSTRAINT "IncidentSearchDoc_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

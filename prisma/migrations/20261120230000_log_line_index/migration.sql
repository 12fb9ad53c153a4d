-- AlterTable
ALTER TABLE "UploadChunk" ADD COLUMN     "newlines" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "UploadFile" ADD COLUMN     "lines" INTEGER;

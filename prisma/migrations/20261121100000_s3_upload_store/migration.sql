-- AlterTable
ALTER TABLE "UploadChunk" ADD COLUMN     "storedBytes" INTEGER;

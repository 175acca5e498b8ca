-- CreateTable
CREATE TABLE "SheetLayout" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "correction" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SheetLayout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SheetLayout_unitId_signature_key" ON "SheetLayout"("unitId", "signature");

-- AddForeignKey
ALTER TABLE "SheetLayout" ADD CONSTRAINT "SheetLayout_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

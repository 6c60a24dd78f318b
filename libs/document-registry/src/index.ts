export * from './document.entity';
export * from './documents.dto';
export * from './document-registry.service';
export * from './document-registry.module';
export { DossierAssembler } from './dossier-assembler';
export {
  DossierContributors,
  DossierContributorsModule,
  type AttendingSupervisor,
  type DossierContributorProvider,
} from './dossier-contributors';
export { renderFinalDossier, renderIssued, SEALED_ON_ISSUE, type RenderedPdf } from './pipeline';
export { encodeDocumentData, decodeDocumentData } from './data-codec';
export { contentDisposition } from './documents.controller';
export { IssuedDocuments, type CopySource, type DocumentDefinition, type IssuedInRequest } from './issued-documents';

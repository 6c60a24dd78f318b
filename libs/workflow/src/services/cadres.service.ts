import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { CadreEntity, CadrePostEntity } from '@app/cases';
import { AppConfig, Clock, DomainException, FieldCipher, invalidField, maskIdNumber, notFound } from '@app/common';
import { UnitsService } from '@app/identity';
import { toShanghaiDate } from '@app/rulebook';
import type { CadreQueryDto, CreateCadreDto } from '../dto/cadre.dto';
import { idNumberProblem, normalizeIdNumber } from '../id-number';
import { earlierUnitIds } from '../snapshot.mapper';

export interface CadreResponse {
  id: string;
  name: string;
  gender: string;
  birthDate: string;
  /** Masked: 1101**********1234. */
  idNumber: string;
  ethnicity: string | null;
  education: string | null;
  currentPost: string;
  unitId: string;
  communityUnitId: string | null;
  posts: { id: string; unitId: string; title: string; from: string; to: string | null }[];
  /** Units of the post history other than the current one: one extended inspection each. */
  earlierUnitIds: string[];
}

/** The cadre registry (干部库) with post history; ID numbers encrypted at rest. */
@Injectable()
export class CadresService {
  private readonly digestKey: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly units: UnitsService,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.digestKey = Buffer.from(config.FIELD_ENCRYPTION_KEY, 'base64');
  }

  /** Keyed, so the digest cannot be reversed by hashing the (small) space of valid ID numbers. */
  private digest(idNumber: string): string {
    return createHmac('sha256', this.digestKey).update(idNumber).digest('hex');
  }

  private map(c: CadreEntity, posts: CadrePostEntity[]): CadreResponse {
    return {
      id: c.id,
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      idNumber: maskIdNumber(this.cipher.decrypt(c.idNumberEnc)),
      ethnicity: c.ethnicity,
      education: c.education,
      currentPost: c.currentPost,
      unitId: c.unitId,
      communityUnitId: c.communityUnitId,
      posts: posts.map((p) => ({ id: p.id, unitId: p.unitId, title: p.title, from: p.fromDate, to: p.toDate })),
      earlierUnitIds: earlierUnitIds(c, posts),
    };
  }

  async create(dto: CreateCadreDto): Promise<CadreResponse> {
    const idNumber = normalizeIdNumber(dto.idNumber);
    const problem = idNumberProblem(idNumber);
    if (problem) throw invalidField('idNumber', problem);
    const today = toShanghaiDate(this.clock.now());
    if (dto.birthDate > today) throw invalidField('birthDate', '出生日期不能晚于今天');
    dto.posts.forEach((p, i) => {
      if (p.to && p.to < p.from) throw invalidField(`posts.${i}.to`, '任职结束日期不能早于开始日期');
    });
    const unitIds = [...new Set([dto.unitId, ...dto.posts.map((p) => p.unitId)])];
    const known = new Set((await this.units.findByIds(unitIds)).map((u) => u.id));
    if (!known.has(dto.unitId)) throw invalidField('unitId', '单位不存在');
    dto.posts.forEach((p, i) => {
      if (!known.has(p.unitId)) throw invalidField(`posts.${i}.unitId`, '单位不存在');
    });
    if (dto.communityUnitId) {
      const [community] = await this.units.findByIds([dto.communityUnitId]);
      if (community?.kind !== 'community') throw invalidField('communityUnitId', '必须是已登记的社区单位');
    }
    const digest = this.digest(idNumber);

    return this.dataSource.transaction(async (m) => {
      if (await m.existsBy(CadreEntity, { idNumberDigest: digest })) {
        throw new DomainException('DUPLICATE_ID_NUMBER', '该身份证号码的干部已在干部库中', 409, {
          errors: [{ field: 'idNumber', message: '该身份证号码已登记' }],
        });
      }
      const cadre = await m.save(
        m.create(CadreEntity, {
          name: dto.name,
          gender: dto.gender,
          birthDate: dto.birthDate,
          idNumberEnc: this.cipher.encrypt(idNumber),
          idNumberDigest: digest,
          ethnicity: dto.ethnicity ?? null,
          education: dto.education ?? null,
          currentPost: dto.currentPost,
          unitId: dto.unitId,
          communityUnitId: dto.communityUnitId ?? null,
        }),
      );
      const posts = await m.save(
        dto.posts.map((p) => m.create(CadrePostEntity, { cadreId: cadre.id, unitId: p.unitId, title: p.title, fromDate: p.from, toDate: p.to ?? null })),
      );
      const response = this.map(cadre, posts);
      await this.audit.append(m, { action: 'cadre.created', entity: 'cadre', entityId: cadre.id, after: response });
      return response;
    });
  }

  async list(q: CadreQueryDto): Promise<{ items: CadreResponse[]; total: number; page: number; pageSize: number }> {
    const qb = this.dataSource.getRepository(CadreEntity).createQueryBuilder('c').addSelect('c.idNumberEnc');
    const term = q.q?.trim();
    if (term) qb.where(`c.name ILIKE :q ESCAPE '\\'`, { q: `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` });
    const [cadres, total] = await qb
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const posts = await this.postsOf(cadres.map((c) => c.id));
    return { items: cadres.map((c) => this.map(c, posts.filter((p) => p.cadreId === c.id))), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<CadreResponse> {
    const cadre = await this.dataSource.getRepository(CadreEntity).createQueryBuilder('c').addSelect('c.idNumberEnc').where('c.id = :id', { id }).getOne();
    if (!cadre) throw notFound('干部');
    return this.map(cadre, await this.postsOf([id]));
  }

  private postsOf(cadreIds: string[]): Promise<CadrePostEntity[]> {
    return cadreIds.length
      ? this.dataSource.getRepository(CadrePostEntity).find({ where: { cadreId: In(cadreIds) }, order: { fromDate: 'ASC' } })
      : Promise.resolve([]);
  }
}

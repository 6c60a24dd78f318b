import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainException, FieldCipher, notFound } from '@app/common';
import type { CreateUnitDto, UnitDeliveryDto, UnitResponseDto } from './identity.dto';
import { UnitEntity, type UnitKind } from './unit.entity';

export const mapUnit = (u: UnitEntity): UnitResponseDto => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  webhookUrl: u.webhookUrl,
  hasWebhookSecret: Boolean(u.webhookSecretEnc),
  email: u.email,
});

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
  ) {}

  async list(): Promise<UnitResponseDto[]> {
    return (await this.dataSource.getRepository(UnitEntity).find({ order: { kind: 'ASC', name: 'ASC' } })).map(mapUnit);
  }

  async get(id: string): Promise<UnitEntity> {
    const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ id });
    if (!unit) throw notFound('单位');
    return unit;
  }

  findByIds(ids: string[]): Promise<UnitEntity[]> {
    return ids.length ? this.dataSource.getRepository(UnitEntity).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByKinds(kinds: readonly UnitKind[]): Promise<UnitEntity[]> {
    return this.dataSource.getRepository(UnitEntity).find({ where: { kind: In([...kinds]) }, order: { name: 'ASC' } });
  }

  /** The plain webhook secret, for the worker that signs deliveries. */
  webhookSecret(unit: UnitEntity): string | null {
    return unit.webhookSecretEnc ? this.cipher.decrypt(unit.webhookSecretEnc) : null;
  }

  async create(dto: CreateUnitDto): Promise<UnitResponseDto> {
    return this.dataSource.transaction(async (m) => {
      if (await m.existsBy(UnitEntity, { name: dto.name })) {
        throw new DomainException('UNIT_EXISTS', '同名单位已存在', 409, { errors: [{ field: 'name', message: '同名单位已存在' }] });
      }
      const unit = await m.save(m.create(UnitEntity, { name: dto.name, kind: dto.kind }));
      await this.audit.append(m, { action: 'unit.created', entity: 'unit', entityId: unit.id, after: mapUnit(unit) });
      return mapUnit(unit);
    });
  }

  async setDelivery(id: string, dto: UnitDeliveryDto): Promise<UnitResponseDto> {
    return this.dataSource.transaction(async (m) => {
      const unit = await m.findOne(UnitEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw notFound('单位');
      const before = mapUnit(unit);
      if (dto.webhookUrl !== undefined) unit.webhookUrl = dto.webhookUrl;
      if (dto.webhookSecret !== undefined) unit.webhookSecretEnc = dto.webhookSecret ? this.cipher.encrypt(dto.webhookSecret) : null;
      if (dto.email !== undefined) unit.email = dto.email;
      const saved = await m.save(unit);
      await this.audit.append(m, { action: 'unit.delivery_set', entity: 'unit', entityId: id, before, after: mapUnit(saved) });
      return mapUnit(saved);
    });
  }
}

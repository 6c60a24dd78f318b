import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Role } from '@app/common';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  displayName: string;

  /** argon2id */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles: Role[];

  /** The unit a unit_respondent answers for, or a supervisor's supervising unit. */
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Bumped on any change of roles, password or status; tokens carry it, so old tokens die at once. */
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

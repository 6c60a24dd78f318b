import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type Gender = 'male' | 'female';
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };

@Entity('cadre')
export class CadreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  gender: Gender;

  /** YYYY-MM-DD */
  @Column({ type: 'date' })
  birthDate: string;

  /** AES-256-GCM (FieldCipher); responses show it masked. */
  @Column({ type: 'text', select: false })
  idNumberEnc: string;

  @Column({ type: 'text', select: false })
  idNumberDigest: string;

  @Column({ type: 'text', nullable: true })
  ethnicity: string | null;

  @Column({ type: 'text', nullable: true })
  education: string | null;

  @Column({ type: 'text' })
  currentPost: string;

  @Column({ type: 'uuid' })
  unitId: string;

  /** 居住地社区 (a unit of kind `community`): the one community consulted about this cadre. */
  @Column({ type: 'uuid', nullable: true })
  communityUnitId: string | null;

  @OneToMany(() => CadrePostEntity, (p) => p.cadre)
  posts: CadrePostEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One post a cadre held; each earlier unit needs an extended inspection (延伸考察). */
@Entity('cadre_post')
export class CadrePostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cadreId: string;

  @ManyToOne(() => CadreEntity, (c) => c.posts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cadre_id' })
  cadre: CadreEntity;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'date' })
  fromDate: string;

  @Column({ type: 'date', nullable: true })
  toDate: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@gl/domain';
import { PageQueryDto } from '../shared/common.dto';

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class RegisterUserDto {
  @ApiPropertyOptional({ description: 'Stable id; generated when absent' }) @IsOptional() @Matches(ID, { message: 'userId must be lower-case letters, digits and dashes' }) userId?: string;
  @ApiProperty({ example: 'Nguyễn Thị Ánh' }) @IsString() @MinLength(1) @MaxLength(200) displayName!: string;
  @ApiProperty({ example: 'ninh-kieu-tan-an' }) @Matches(ID, { message: 'unitId must be a unit id' }) unitId!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @ApiPropertyOptional({ description: 'Subject of this person at the identity provider' }) @IsOptional() @IsString() @MaxLength(200) externalId?: string;
  @ApiPropertyOptional({ description: 'The instant from which the person works in the unit (default now); the unit must exist then' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
}

export class GrantRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty({ description: 'The unit the role is held for (the scope root)' }) @Matches(ID, { message: 'unitId must be a unit id' }) unitId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ApiPropertyOptional({ description: 'The instant the right starts (default now)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
}

export class RevokeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role!: Role;
  @ApiProperty() @Matches(ID, { message: 'unitId must be a unit id' }) unitId!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) reason!: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: 'unitId must be a unit id' }) unitId?: string;
}

import { Projection } from '../engine/projection';
import { streamCatalogue } from './audit/stream-catalogue.projection';

/** Every projection the product runs. A feature adds its own here. */
export const allProjections: Projection<any, any>[] = [streamCatalogue];

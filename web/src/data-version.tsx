import { createContext, useContext } from 'react';

/** Bumped after every ingest so views refetch. */
export const DataVersion = createContext(0);
export const useDataVersion = () => useContext(DataVersion);
